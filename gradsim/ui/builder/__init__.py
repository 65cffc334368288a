"""The network builder: data, layers, initialization, loss and optimizer of the network."""
