// Small open-data exports written by the tests, for the cases the real
// extracts of ../shared/data/rncp-xml do not have (re-imports, damage,
// bombs, duplicates, the older flux).
#pragma once

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "importers/byte_source.h"
#include "test_support.h"

namespace passerelle::testing {

// "    <NAME>value</NAME>\n": one line of a fiche.
inline std::string Line(const std::string& name, const std::string& value) {
  return "    <" + name + ">" + value + "</" + name + ">\n";
}

// A bloc on one line.
inline std::string BlocLine(const std::string& code, const std::string& title,
                            const std::string& list) {
  return "      <BLOC_COMPETENCES><CODE>" + code + "</CODE><LIBELLE>" + title +
         "</LIBELLE><LISTE_COMPETENCES>" + list + "</LISTE_COMPETENCES></BLOC_COMPETENCES>\n";
}

// One FICHE of the current flux with two blocs, 14 lines; `extra` is
// inserted before </FICHE>.
inline std::string FicheXml(const std::string& number, const std::string& title,
                            const std::string& extra = "") {
  return "  <FICHE>\n" + Line("ID_FICHE", "1") + Line("NUMERO_FICHE", number) +
         Line("INTITULE", title) + Line("ETAT_FICHE", "Publiée") + Line("ACTIF", "Oui") +
         Line("NOMENCLATURE_EUROPE", "<NIVEAU>NIV4</NIVEAU><LIBELLE>Niveau 4</LIBELLE>") +
         Line("CODES_ROME", "<ROME><CODE>H2903</CODE><LIBELLE>Usinage</LIBELLE></ROME>") +
         Line("CODES_NSF", "<NSF><CODE>251n</CODE><LIBELLE>Mécanique</LIBELLE></NSF>") +
         "    <BLOCS_COMPETENCES>\n" +
         BlocLine(number + "BC01", "Préparer", "- Lire un plan    - Choisir les outils") +
         BlocLine(number + "BC02", "Usiner", "- Régler la machine    - Contrôler la pièce") +
         "    </BLOCS_COMPETENCES>\n" + extra + "  </FICHE>\n";
}

// An RS fiche: no blocs, competences in CAPACITES_ATTESTEES.
inline std::string RsFicheXml(const std::string& number, const std::string& title) {
  return "  <FICHE>\n" + Line("NUMERO_FICHE", number) + Line("INTITULE", title) +
         Line("ACTIF", "Oui") +
         Line("CAPACITES_ATTESTEES", "C1. Analyser la demande    C2. Rédiger le rapport") +
         "  </FICHE>\n";
}

// A whole export around `fiches`.
inline std::string ExportXml(const std::vector<std::string>& fiches,
                             const std::string& prolog = "") {
  std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n" + prolog +
                    "<FICHES>\n  <VERSION_FLUX>4.1</VERSION_FLUX>\n";
  for (const std::string& f : fiches) xml += f;
  return xml + "</FICHES>\n";
}

// Gives its bytes a few at a time, as a slow pipe would: every chunk
// boundary the reader may meet.
class TrickleSource : public ByteSource {
 public:
  TrickleSource(std::string bytes, size_t step) : bytes_(std::move(bytes)), step_(step) {}
  Result<size_t> Read(char* buffer, size_t size) override {
    const size_t n = std::min({size, step_, bytes_.size() - offset_});
    std::memcpy(buffer, bytes_.data() + offset_, n);
    offset_ += n;
    return n;
  }
  uint64_t TotalBytes() const override { return bytes_.size(); }

 private:
  std::string bytes_;
  size_t step_;
  size_t offset_ = 0;
};

}  // namespace passerelle::testing
