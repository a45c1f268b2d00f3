"""Language tools that run offline: sentence splitting, language identification."""
