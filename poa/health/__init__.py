"""Account health: metrics from the seller's daily counts, a table, a chart and a plan to start.

counts.py reads the daily CSV; metrics.py holds Amazon's formulas and the window arithmetic;
report.py builds the report; text.py writes it as a table or JSON; chart.py draws it (the
only module that touches matplotlib, and only when called); plan.py starts an improvement
plan from it.
"""
