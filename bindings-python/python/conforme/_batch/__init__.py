"""Building blocks of ``conforme.distributed`` and ``conforme batch`` (private).

``items`` normalises what users pass, ``worker`` runs on the cluster, ``results`` holds one
file's outcome, ``folder`` writes and re-reads the reports folder, ``manifest`` reads the
batch CSV and ``cli`` is the ``conforme batch`` command. Only ``conforme.distributed`` (and
``cli``) import Dask, and only when a run starts.
"""
