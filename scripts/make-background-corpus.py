#!/usr/bin/env python3
"""Builds referentiels/background/corpus.txt, the out-of-domain corpus that
the evidence mapping uses to tell a trade's own vocabulary from words every
trade uses (docs/mapping.md, "Specificity").

Sources: the open-data fiches of ../shared/data/rncp-xml (France Compétences,
Licence Ouverte) and the REAC of ../shared/referentiels-extra. Output: one
block per certification, "=== ID · ROME codes · NSF codes · title" then its
text (activities, capacities, competence lists). Run from the repository
root; the output is committed, so the build does not need ../shared.
"""
import html, pathlib, re, sys
import xml.etree.ElementTree as ET

shared = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "../shared")
out = []

def clean(text):
    text = html.unescape(re.sub(r"<[^>]+>", " ", text or ""))
    return re.sub(r"[ \t\r\f\v]+", " ", text).strip()

seen = set()
for path in sorted((shared / "data" / "rncp-xml").glob("*.xml")):
    for fiche in ET.parse(path).getroot().iter("FICHE"):
        num = (fiche.findtext("NUMERO_FICHE") or "").strip()
        if not num or num in seen:
            continue
        seen.add(num)
        romes = " ".join(r.findtext("CODE", "").strip() for r in fiche.iter("ROME"))
        nsfs = " ".join(n.findtext("CODE", "").strip() for n in fiche.iter("NSF"))
        parts = [fiche.findtext("INTITULE"), fiche.findtext("ACTIVITES_VISEES"),
                 fiche.findtext("CAPACITES_ATTESTEES")]
        for bloc in fiche.iter("BLOC_COMPETENCES"):
            parts += [bloc.findtext("LIBELLE"), bloc.findtext("LISTE_COMPETENCES")]
        body = "\n".join(clean(p) for p in parts if p and clean(p))
        out.append(f"=== {num} · {romes} · {nsfs} · {clean(fiche.findtext('INTITULE'))}\n{body}\n")

for path in sorted((shared / "referentiels-extra").glob("reac-*.txt")):
    m = re.search(r"tp(\d{5})", path.name)
    ident = f"TP-{m.group(1)}" if m else path.stem
    text = path.read_text(encoding="utf-8")
    # The REAC's own codes, so that the mapping leaves it out for a target
    # of the same domain like any other certification of that domain.
    nsfs = " ".join(dict.fromkeys(re.findall(
        r"^(\d{3}[a-z]?) - ", text.split("Code(s) NSF", 1)[-1].split("SIGLE", 1)[0], re.M)))
    romes = " ".join(dict.fromkeys(re.findall(
        r"^([A-N]\d{4}) ", text.split("Rome de rattachement", 1)[-1].split("SIGLE", 1)[0], re.M)))
    text = "\n".join(l.strip() for l in text.splitlines() if len(l.strip()) > 2)
    out.append(f"=== {ident} · {romes} · {nsfs} · {path.stem}\n{text}\n")

dest = pathlib.Path("referentiels/background/corpus.txt")
dest.write_text("\n".join(out), encoding="utf-8")
print(f"{dest}: {len(out)} certifications, {dest.stat().st_size} bytes")
