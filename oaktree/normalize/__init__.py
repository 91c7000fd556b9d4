"""sdk resources -> oaktree.v1 messages: one module per resource, one place per field."""
