"""Building blocks of ``conforme.distributed`` and ``conforme batch`` (private).

``items`` normalises what users pass, ``worker`` runs on the cluster (``package`` for Data
Packages), ``results`` holds one file's outcome, ``progress`` draws the bar, ``folder`` writes and re-reads the reports folder, ``manifest`` reads the
batch CSV and ``cli`` is the ``conforme batch`` command. Only ``conforme.distributed`` (and
``cli``) import Dask, and only when a run starts.
"""
