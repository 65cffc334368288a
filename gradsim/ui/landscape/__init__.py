"""The landscape panel: optimizer races on analytic surfaces and slices of the network's loss."""
