// Data files of referentiels/ compiled into the engine by
// cmake/embed_data.cmake, so that the binary needs no data folder.
#pragma once

namespace passerelle::data {

extern const char* const kThesaurusUsinage;   // referentiels/thesaurus/usinage.txt
extern const char* const kThesaurusGeneral;   // referentiels/thesaurus/general.txt
extern const char* const kGenericVocabulary;  // referentiels/generic-vocabulary.txt
extern const char* const kBackgroundCorpus;   // referentiels/background/corpus.txt

}  // namespace passerelle::data
