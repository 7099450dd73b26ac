"The paper's evaluation harness (benchmark, experiments, suite, results, demo); the core never imports it."
