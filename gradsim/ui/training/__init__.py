"""The training views: diagnosis banner, controls, loss, gradient flow, histograms, weights,
decision surface, network diagram, activation lab, timeline bar."""
