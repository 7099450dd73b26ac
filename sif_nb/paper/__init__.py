"The paper's evaluation harness (benchmark, experiments, suite, tables, baselines, demo); the core never imports it."
