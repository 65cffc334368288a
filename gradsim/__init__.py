"""gradsim: see why deep networks are hard to train.

The engine (:mod:`gradsim.engine`) and the landscape lab (:mod:`gradsim.landscapes`)
are Qt-free numpy code; only :mod:`gradsim.ui` touches Qt.
"""

__version__ = "0.1.0"
