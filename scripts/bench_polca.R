# poLCA side of `npm run bench:lca` (scripts/bench-lca.mjs runs it; never used by tests).
#
#   Rscript bench_polca.R export <dir>
#     writes poLCA's example datasets carcinoma, values, gss82 and election as <dir>/<name>.csv:
#     each item as poLCA's own codes 1..L (a factor's level index), missing answers as empty
#     cells; prints one JSON line [{name, file, items, na_rm}] (election keeps the rows with missing
#     answers, poLCA's na.rm = FALSE; the others have none).
#
#   Rscript bench_polca.R fit <job.json>
#     job: {file, items, k, na_rm, tol, maxiter, nrep, probs_start (optional)}; probs_start[j] is the
#     K × L_j matrix of item j (rows: classes, columns: codes 1..L_j), given as K rows. Only the
#     poLCA() call is timed (the CSV is read before). Prints one JSON line
#     {seconds, n, n_parameters, log_likelihood, n_iter, attempts}.
suppressMessages({
  library(poLCA)
  library(jsonlite)
})

args <- commandArgs(trailingOnly = TRUE)

if (args[1] == "export") {
  dir <- args[2]
  cases <- list(
    carcinoma = FALSE, values = FALSE, gss82 = FALSE, election = TRUE
  )
  election_items <- c("MORALG", "CARESG", "KNOWG", "LEADG", "DISHONG", "INTELG",
                      "MORALB", "CARESB", "KNOWB", "LEADB", "DISHONB", "INTELB")
  out <- list()
  for (name in names(cases)) {
    e <- new.env()
    data(list = name, package = "poLCA", envir = e)
    df <- get(name, envir = e)
    if (name == "election") df <- df[, election_items]
    codes <- as.data.frame(lapply(df, as.integer))
    file <- file.path(dir, paste0(name, ".csv"))
    write.csv(codes, file, row.names = FALSE, na = "")
    out[[length(out) + 1]] <- list(name = name, file = file, items = names(codes), na_rm = !cases[[name]])
  }
  cat(toJSON(out, auto_unbox = TRUE), "\n")
} else if (args[1] == "fit") {
  job <- fromJSON(args[2], simplifyVector = FALSE)
  items <- unlist(job$items)
  data <- read.csv(job$file)[, items, drop = FALSE]
  f <- as.formula(sprintf("cbind(%s) ~ 1", paste(items, collapse = ",")))
  probs <- NULL
  if (!is.null(job$probs_start))
    probs <- lapply(job$probs_start, function(m) do.call(rbind, lapply(m, unlist)))
  t0 <- proc.time()[["elapsed"]]
  m <- poLCA(f, data, nclass = job$k, maxiter = job$maxiter, tol = job$tol, na.rm = job$na_rm,
             probs.start = probs, nrep = job$nrep, verbose = FALSE, calc.se = FALSE)
  seconds <- proc.time()[["elapsed"]] - t0
  if (!is.null(probs) && !isTRUE(m$probs.start.ok)) stop("poLCA rejected probs.start")
  cat(toJSON(list(seconds = seconds, n = m$N, n_parameters = m$npar, log_likelihood = m$llik,
                  n_iter = m$numiter, attempts = m$attempts), auto_unbox = TRUE, digits = NA), "\n")
} else {
  stop("usage: Rscript bench_polca.R export <dir> | fit <job.json>")
}
