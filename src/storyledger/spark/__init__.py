"""Spark for archives: the per-article function (storyledger.process) mapped over WARC files on a
Spark cluster, the way Common Crawl's cc-pyspark maps its jobs, with the records written as Parquet
(job.py); `storyledger load` brings such Parquet into a ledger and links it (load.py). rows.py is the
Parquet layout both share."""
