"The paper's evaluation harness: benchmark, experiments, suite, results and demo (imports the core; the core never imports it)."
