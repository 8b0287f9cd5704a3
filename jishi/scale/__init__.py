"""Engines that decide where the pipeline runs: `local` (a process pool, the default) and `ray`
(Ray Data, optional extra). Both call `jishi.pipeline.Pipeline.process_batch`."""
