#pragma once
// The gate: every check the brief commands make of a project, made by the same code, so a
// project `validate` accepts renders with every command.

#include "model/project.hpp"

namespace commplan {

/// Builds, once each, what kickoff, plan (its schedule, matrix and chart), every phase recap
/// and the final recap build from `project`, and puts their errors and warnings in
/// `diagnostics`, each problem once. A daily recap's notes about its own day (nothing recorded,
/// not a workday) are left out: they depend on --date, not on the file. five-w2h checks
/// nothing of its own (a file without communications prints a blank checklist).
void check_briefs(const Project& project, Diagnostics& diagnostics);

}  // namespace commplan
