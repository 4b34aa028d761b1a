"""Full translations of the demo content, one module per language."""
