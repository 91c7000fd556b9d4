"""Watch streams fed by one shared poller per (identity, cloud region): see poller.py."""
