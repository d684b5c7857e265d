#include "engine/workspace.h"

#include <unistd.h>

#include <cstdlib>

#include "engine/certification_xml.h"
#include "engine/text.h"

namespace passerelle {

std::string ResolveWorkspacePath(const std::string& flag) {
  if (!flag.empty()) return flag;
  const char* env = std::getenv("PASSERELLE_WORKSPACE");
  if (env && *env) return env;
  return "./.passerelle";
}

Workspace::Workspace(FileSystem* fs, std::string root) : fs_(fs), root_(std::move(root)) {
  while (root_.size() > 1 && root_.back() == '/') root_.pop_back();
}

std::string Workspace::PathOf(const CertificationId& id) const {
  return CertDir() + "/" + id.value + ".xml";
}

Result<std::vector<CertificationId>> Workspace::List() const {
  auto names = fs_->ListDir(CertDir());
  if (!names.ok()) return names.status();
  std::vector<CertificationId> ids;
  for (const std::string& name : *names) {
    if (!EndsWith(name, ".xml")) continue;
    std::string id = name.substr(0, name.size() - 4);
    if (IsCertificationId(id)) ids.emplace_back(id);
  }
  std::sort(ids.begin(), ids.end());
  return ids;
}

bool Workspace::Contains(const CertificationId& id) const { return fs_->Exists(PathOf(id)); }

Result<Certification> Workspace::Load(const CertificationId& id) const {
  if (!IsCertificationId(id.value))
    return Status::InvalidArgument("« " + id.value +
                                   " » n'est pas un identifiant de certification "
                                   "(attendu : RNCP1234, RS1234 ou TP-01234)");
  auto xml = fs_->ReadFile(PathOf(id));
  if (!xml.ok()) {
    if (xml.status().kind() == Status::Kind::kNotFound)
      return Status::NotFound("certification " + id.value + " absente de l'espace de travail " +
                              root_);
    return xml.status();
  }
  return CertificationFromXml(*xml, PathOf(id));
}

Result<std::vector<Certification>> Workspace::LoadAll() const {
  auto ids = List();
  if (!ids.ok()) return ids.status();
  std::vector<Certification> all;
  all.reserve(ids->size());
  for (const CertificationId& id : *ids) {
    auto cert = Load(id);
    if (!cert.ok()) return cert.status();
    all.push_back(std::move(cert).value());
  }
  return all;
}

Status Workspace::Save(const std::vector<Certification>& certs,
                       std::vector<SaveOutcome>* outcomes) {
  Status s = fs_->MakeDirs(CertDir());
  if (!s.ok()) return s;
  const std::string suffix = ".tmp-" + std::to_string(::getpid());
  std::vector<std::string> written;
  std::vector<SaveOutcome> result;
  for (const Certification& cert : certs) {
    const std::string path = PathOf(cert.id);
    const std::string xml = CertificationToXml(cert);
    auto existing = fs_->ReadFile(path);
    if (existing.ok() && *existing == xml) {
      result.push_back(SaveOutcome::kUnchanged);
      continue;
    }
    result.push_back(existing.ok() ? SaveOutcome::kUpdated : SaveOutcome::kAdded);
    written.push_back(path);
    s = fs_->WriteFile(path + suffix, xml);
    if (!s.ok()) break;
  }
  if (s.ok()) {
    for (const std::string& path : written) {
      s = fs_->Rename(path + suffix, path);
      if (!s.ok()) break;
    }
  }
  if (!s.ok()) {
    for (const std::string& path : written) fs_->Remove(path + suffix);
    return s;
  }
  if (outcomes) *outcomes = std::move(result);
  return Status::OK();
}

}  // namespace passerelle
