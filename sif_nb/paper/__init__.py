"The paper harness: experiments, benchmark, results, demo and baselines that reproduce the paper's tables."
