"""cs_pipelines: mine trading-code history, curate it, and train better trading-code models."""
