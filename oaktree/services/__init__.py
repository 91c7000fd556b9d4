"""gRPC servicers: thin adapters from requests to the core, one module per API service."""
