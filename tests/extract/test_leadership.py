"""Leadership tenures: appointments, appositions, ends told later, infobox lines, and office-holders
who are not coded."""
import pytest



def tenures(doc):
    return [c for c in doc.claims if c.kind == "leadership"]


def find(doc, person_word):
    return [c for c in tenures(doc) if person_word.lower() in c.values["person"].lower()]


@pytest.mark.parametrize("text, person, expected", [
    pytest.param("Khalid Batarfi was appointed as the new emir of AQAP in February 2020.",
                 "Batarfi", {"start": "2020-02", "role": "emir"}, id="appointed-as-emir-of"),
    pytest.param("The current leader of Hamas in Gaza, Yahya Sinwar, was named in February 2017.",
                 "Sinwar", {"start": "2017-02"}, id="current-role-of-apposition"),
    pytest.param("In March 2021, Nigerian troops captured ISWAP commander-in-chief Abu Musab al-Barnawi.",
                 "Barnawi", {"end": "2021-03", "end_reason": "detained"}, id="captured-org-role-person"),
    pytest.param("Qasim al-Raymi was appointed as the emir of AQAP in June 2015. "
                 "He was killed in a US drone strike on 29 January 2020.",
                 "Raymi", {"start": "2015-06", "end": "2020-01-29", "end_reason": "killed"}, id="pronoun-end-next-sentence"),
    pytest.param("Murat Karayilan led the PKK from 1999 until his death. Karayilan died in May 2023.",
                 "Karayilan", {"start": "1999", "end": "2023-05"}, id="led-until-his-death"),
])
def test_leadership_reads_tenure(run, text, person, expected):
    found = find(run(text), person)
    assert found, tenures(run(text))
    for slot, value in expected.items():
        assert found[0].values.get(slot) == value, (slot, found[0].values)
    assert all(slot in found[0].spans for slot in found[0].values)


def test_leadership_infobox_line(run):
    doc = run("# Kurdistan Workers' Party\n\nThe Kurdistan Workers' Party (PKK) is an armed group.\n\n"
              "- **Leaders:** Abdullah Ocalan (1978–1999); Murat Karayilan (1999–present)\n")
    ocalan = find(doc, "Ocalan")
    assert ocalan and ocalan[0].values["start"] == "1978" and ocalan[0].values["end"] == "1999"
    assert find(doc, "Karayilan") and "end" not in find(doc, "Karayilan")[0].values


def test_leadership_one_tenure_per_person_and_group(run):
    doc = run("Qasim al-Raymi was appointed as the emir of AQAP in June 2015. "
              "The emir of AQAP, Qasim al-Raymi, was killed on 29 January 2020.")
    assert len(find(doc, "Raymi")) == 1


@pytest.mark.parametrize("text", [
    pytest.param("Prime Minister Abiy Ahmed condemned the attack on Monday.", id="head-of-government"),
    pytest.param("Ahmed Musa, a spokesman for the Banadir regional police, said twelve people died.", id="police-spokesman"),
    pytest.param("Kremlin spokesman Dmitry Peskov called the bombing a terrorist act.", id="state-spokesman"),
    pytest.param("The hospital chief said the wounded were in critical condition.", id="no-person"),
])
def test_leadership_ignores_office_holders(run, text):
    assert tenures(run(text)) == []
