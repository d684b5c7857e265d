#include "engine/workspace_supplements.h"

#include "engine/certification_xml.h"
#include "engine/file_system.h"
#include "engine/text.h"

namespace passerelle {

namespace {

// "re" or "rc" from the supplement's source format.
std::string KindOf(const Certification& supplement) {
  return StartsWith(supplement.source_format, "rc") ? "rc" : "re";
}

std::string PathOf(const Workspace& workspace, const CertificationId& id, const std::string& kind) {
  return SupplementDir(workspace) + "/" + id.value + "-" + kind + ".xml";
}

}  // namespace

std::string SupplementDir(const Workspace& workspace) { return workspace.root() + "/supplements"; }

Result<std::vector<Certification>> LoadSupplements(const Workspace& workspace,
                                                   const CertificationId& id) {
  FileSystem& fs = *workspace.file_system();
  std::vector<Certification> out;
  for (const char* kind : {"re", "rc"}) {
    const std::string path = PathOf(workspace, id, kind);
    if (!fs.Exists(path)) continue;
    auto bytes = fs.ReadFile(path);
    if (!bytes.ok()) return bytes.status();
    auto cert = CertificationFromXml(*bytes, path);
    if (!cert.ok()) return cert.status();
    out.push_back(std::move(cert).value());
  }
  return out;
}

Status SaveSupplement(Workspace& workspace, const Certification& supplement) {
  FileSystem& fs = *workspace.file_system();
  Status s = fs.MakeDirs(SupplementDir(workspace));
  if (!s.ok()) return s;
  return WriteFileAtomic(fs, PathOf(workspace, supplement.id, KindOf(supplement)),
                         CertificationToXml(supplement));
}

}  // namespace passerelle
