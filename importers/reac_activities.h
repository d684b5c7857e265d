// Private to the REAC importer: the activités types of a REAC with the titles
// of their compétences professionnelles, and matching titles written by
// different hands.
#pragma once

#include <string>
#include <vector>

#include "importers/reac_lines.h"

namespace passerelle::reac {

struct ActiviteType {
  int number = 0;
  std::string title;
  std::vector<std::string> competence_titles;  // in list order
};

// The activités types, by number, from the "FICHE ACTIVITÉ TYPE N° k"
// sections ("Liste des compétences professionnelles de l'activité type"),
// completed by the global "Liste des activités types et des compétences
// professionnelles" ("1. title" then the CP titles). `known_titles` (the CP
// titles of the fiches) help join titles wrapped over several lines.
std::vector<ActiviteType> ParseActivitesTypes(const std::vector<Line>& lines,
                                              const std::vector<std::string>& known_titles);

// Index in `candidates` of the title that is the same as `title` (folded
// equality, then one being a prefix of the other, then nearly the same
// words), or -1.
int MatchTitle(const std::string& title, const std::vector<std::string>& candidates);

// True when the two titles are the same once folded (case, accents,
// apostrophes, final period).
bool SameTitle(const std::string& a, const std::string& b);

// Share of words the two titles have in common (Jaccard index, folded), 0
// to 1.
double TitleOverlap(const std::string& a, const std::string& b);

}  // namespace passerelle::reac
