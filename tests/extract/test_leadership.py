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


@pytest.mark.parametrize("text, person, expected", [
    pytest.param("The Ansar Dine movement grew in Kidal. Iyad ag Ghali became its leader in March 2012.",
                 "Ghali", {"start": "2012-03", "role": "leader"}, id="became-its-role"),
    pytest.param("Jamal Ahmed remains the emir of Ansar al-Islam, a position he has held since September 2019.",
                 "Jamal", {"start": "2019-09", "role": "emir"}, id="remains-role-of"),
    pytest.param("Lashkar-e-Taiba was founded in 1990 by Hafiz Muhammad Saeed in Afghanistan.",
                 "Saeed", {"start": "1990", "role": "founder"}, id="founded-in-by"),
    pytest.param("The Ansar Allah movement emerged in Saada. Its founder, Hussein al-Houthi, was killed "
                 "by government troops in September 2004.",
                 "Hussein", {"end": "2004-09", "end_reason": "killed", "role": "founder"}, id="its-role-apposition"),
    pytest.param("Abu Obaida continues to serve as the Hamas spokesman.",
                 "Obaida", {"role": "spokesman"}, id="continues-to-serve"),
    pytest.param("Abu Yasir Hassan is widely described as the overall leader of Ahlu Sunnah wal-Jama'ah.",
                 "Hassan", {"role": "leader"}, id="described-as-leader"),
])
def test_leadership_reads_more_phrasings(run, text, person, expected):
    found = find(run(text), person)
    assert found, tenures(run(text))
    for slot, value in expected.items():
        assert found[0].values.get(slot) == value, (slot, found[0].values)


def test_leadership_predecessor_and_deputy_take_the_leaders_group(run):
    doc = run("Hezbollah was founded in 1982. Hassan Nasrallah became its secretary-general in February 1992, "
              "after his predecessor, Abbas al-Musawi, was killed in an Israeli strike. "
              "His deputy, Naim Qassem, ran the party's schools.")
    musawi = find(doc, "Musawi")
    assert musawi and musawi[0].values["organization"] == find(doc, "Nasrallah")[0].values["organization"]
    assert musawi[0].values.get("end_reason") == "killed"
    assert find(doc, "Qassem") and find(doc, "Qassem")[0].values["role"] == "deputy"


def test_leadership_successor_starts_at_predecessors_end(run):
    doc = run("The Houthi movement emerged in Saada. Its founder, Hussein al-Houthi, was killed in September 2004. "
              "He was succeeded by his brother Abdul Malik al-Houthi.")
    found = find(doc, "Abdul Malik")
    assert found and found[0].values.get("start") == "2004-09" and found[0].values.get("role") == "leader"


def test_leadership_surname_opening_a_sentence(run):
    doc = run("Khalid Batarfi was appointed as the emir of AQAP in February 2020. "
              "Batarfi led AQAP until he died in March 2024.")
    found = find(doc, "Batarfi")
    assert len(found) == 1 and found[0].values.get("end") == "2024-03"


def test_leadership_table_without_group_column(run):
    doc = run("# Abu Sayyaf\n\nThe Abu Sayyaf Group is an armed group in the Philippines.\n\n"
              "| Leader | Role | Tenure | Fate |\n|---|---|---|---|\n"
              "| Khadaffy Janjalani | Leader | 1998 – September 2006 | Killed in a clash |\n")
    found = find(doc, "Janjalani")
    assert found and found[0].values.get("end") == "2006-09" and found[0].values.get("role") == "leader"
    assert not find(doc, "Tenure") and not find(doc, "Fate")


def test_leadership_markdown_infobox_row(run):
    doc = run("# Hay'at Tahrir al-Sham\n\n| Hay'at Tahrir al-Sham | |\n|---|---|\n"
              "| Leaders | Abu Mohammad al-Julani (2017–2025) |\n| Founder | Abu Mohammad al-Julani |\n\n"
              "Hay'at Tahrir al-Sham was an armed group in Syria.\n")
    found = find(doc, "Julani")
    assert found and found[0].values.get("start") == "2017"


@pytest.mark.parametrize("text", [
    pytest.param("The company was founded in 1990 by Ahmed Khan in Karachi.", id="founded-company"),
    pytest.param("Lebanon's health minister, Firass Abiad, said 30 people had died.", id="minister-apposition"),
    pytest.param("He was succeeded by a cousin as governor of the province.", id="successor-no-holder"),
])
def test_leadership_new_phrasings_ignore_non_groups(run, text):
    assert tenures(run(text)) == []


def test_leadership_coordinated_persons_both_hold_the_role(run):
    doc = run("Ali Hassan and Fatima Noor became co-chairs of the Syrian Democratic Council in March 2018.")
    got = sorted((c.values["person"], c.values["role"], c.values.get("start")) for c in tenures(doc))
    assert [g[0] for g in got] == ["Ali Hassan", "Fatima Noor"], got
    assert all(g[1] == "co-chair" and g[2] == "2018-03" for g in got), got
    assert all("Democratic Council" in c.values["organization"] for c in tenures(doc))


@pytest.mark.parametrize("text, person, expected", [
    pytest.param("Boko Haram is an armed group in Nigeria. Abubakar Shekau took over day-to-day command of "
                 "the group in 2009.", "Shekau", {"role": "leader", "start": "2009"}, id="took-over-command"),
    pytest.param("Boko Haram is an armed group in Nigeria. After Mohammed Yusuf's death, Abubakar Shekau "
                 "assumed operational control in 2010.", "Shekau", {"role": "leader", "start": "2010"},
                 id="assumed-control"),
])
def test_leadership_took_command(run, text, person, expected):
    found = find(run(text), person)
    assert len(found) == 1, tenures(run(text))
    assert {k: found[0].values.get(k) for k in expected} == expected
    assert "boko" in found[0].values["organization"].lower()


def test_leadership_successor_named_by_parent_leads_the_branch(run):
    doc = run("The Islamic State West Africa Province is a jihadist group. Abu Musab al-Barnawi led the group "
              "until Nigerian troops killed him in September 2021. The Islamic State named Abu Ibrahim "
              "al-Mainuki as his successor in 2022.")
    found = find(doc, "Mainuki")
    assert [c.values["organization"] for c in found] == ["Islamic State West Africa Province"], tenures(doc)


def test_leadership_took_command_needs_a_person(run):
    assert tenures(run("Government forces took over day-to-day command of the airport in 2019.")) == []


@pytest.mark.parametrize("text, person, org_word, role", [
    pytest.param("ISWAP is an armed group in Nigeria. In 2016 Abu Musab al-Barnawi was named one of the two "
                 "deputies of Boko Haram's new emir, Abubakar Shekau.", "Barnawi", "boko", "deputy",
                 id="one-of-the-deputies"),
    pytest.param("In 2016 Abubakar Shekau was appointed as the emir of Boko Haram. In 2021 Shekau's successor, "
                 "Bakura Doro, took charge.", "Bakura", "boko", "emir", id="named-leaders-successor"),
    pytest.param("In 2016 Abubakar Shekau was appointed as the emir of Boko Haram. Mamman Nur serves as "
                 "Shekau's deputy and runs its finances.", "Mamman", "boko", "deputy", id="serves-as-named-deputy"),
    pytest.param("JNIM is a coalition of armed groups in Mali. At its founding, the coalition's leader, Iyad ag "
                 "Ghali, gave a speech.", "Ghali", "nusrat", "leader", id="the-coalitions-leader"),
    pytest.param("Ansaru is an armed group in Nigeria. The group's most prominent leader, Khalid al-Barnawi, "
                 "was arrested in 2016.", "Khalid", "ansaru", "leader", id="most-prominent-leader"),
])
def test_leadership_roles_beside_a_named_leader(run, text, person, org_word, role):
    found = find(run(text), person)
    assert len(found) == 1, tenures(run(text))
    assert org_word in found[0].values["organization"].lower()
    assert found[0].values["role"] == role


def test_leadership_holder_never_named_as_leader_gives_nothing(run):
    doc = run("Mamman Nur serves as Ali Bello's deputy at the ministry.")
    assert tenures(doc) == []
