"""A reviewer's eye before Amazon's: rules that read a case the way a seller-performance
reviewer does, and report what would get the plan rejected.

`poa.checks.engine.check` runs every rule on a case; `text` holds the sentence analysis the
wording rules share; `wording`, `tone` and `content` are the rules on single fields;
`case_rules` are the rules across the case; `report` prints findings; `config` reads a
folder's `.poa-checks.yaml`.
"""
