"""Relations between groups and people: one pattern family per predicate, and sentences that
state no relation."""
import pytest


def relations(doc):
    return [(c.values["subject"].lower(), c.values["predicate"], c.values["object"].lower(), c.values.get("date"))
            for c in doc.claims if c.kind == "relation"]


def has(found, subject_word, predicate, object_word, date=None):
    return any(subject_word in s and p == predicate and object_word in o and (date is None or d == date)
               for s, p, o, d in found)


@pytest.mark.parametrize("text, subject_word, predicate, object_word, date", [
    pytest.param("ISWAP, the Islamic State's West African affiliate, claimed the attack.",
                 "west africa", "branch_of", "islamic state", None, id="branch-apposition"),
    pytest.param("The Islamic State group's Somali branch, ISIS-Somalia, claimed the attack.",
                 "somali", "branch_of", "islamic state", None, id="branch-owner-first"),
    pytest.param("In November 2014 Ansar Bait al-Maqdis pledged allegiance to the Islamic State.",
                 "ansar bait", "pledged_allegiance_to", "islamic state", "2014-11", id="pledged"),
    pytest.param("Mukhtar Robow, a former al-Shabaab spokesman, surrendered in 2017.",
                 "robow", "formerly_member_of", "shabaab", None, id="former-member"),
    pytest.param("Saleh al-Arouri, a senior Hamas official, was killed in Beirut.",
                 "arouri", "member_of", "hamas", None, id="member"),
    pytest.param("Jabhat Fateh al-Sham split from al-Qaeda in July 2016.",
                 "jabhat", "splinter_of", "qaida", "2016-07", id="split-from"),
    pytest.param("AQAP claimed the raid, and its ally, al-Shabaab, said its fighters took part.",
                 "arabian", "allied_with", "shabaab", None, id="its-ally"),
    pytest.param("ISIS-Somalia is a bitter rival of al-Shabaab.",
                 "somali", "rival_of", "shabaab", None, id="rival"),
    pytest.param("ISWAP bolstered its ranks with former members of Boko Haram.",
                 "west africa", "recruited_from", "boko haram", None, id="recruited-from"),
    pytest.param("Aymenn Jawad, a research fellow at the Middle East Forum, said the claim was credible.",
                 "aymenn", "affiliated_with", "middle east forum", None, id="affiliated-person"),
    pytest.param("Ansar al-Islam, an al-Qaeda-linked group, claimed the bombing.",
                 "ansar al-islam", "affiliated_with", "qaida", None, id="aligned-group"),
])
def test_relations_reads_predicate(run, text, subject_word, predicate, object_word, date):
    found = relations(run(text))
    assert has(found, subject_word, predicate, object_word, date), found


def test_relations_list_subjects(run):
    found = relations(run("Hamas, Hezbollah and the Houthis openly rejected the Islamic State's claim to a caliphate."))
    assert sum(p == "rejected_authority_of" for _, p, _, _ in found) == 3


@pytest.mark.parametrize("text", [
    pytest.param("Hamas officials met Egyptian mediators in Cairo on Monday.", id="meeting"),
    pytest.param("The PKK and Turkish forces clashed near the border.", id="state-opponent"),
    pytest.param("Officials said the Islamic State claimed the attack late on Friday.", id="claim-only"),
])
def test_relations_ignores_sentences_without_relation(run, text):
    assert relations(run(text)) == []


def _rels(doc, predicate):
    return {(c.values["subject"], c.values["object"]) for c in doc.claims
            if c.kind == "relation" and c.values.get("predicate") == predicate}


@pytest.mark.parametrize("text, predicate, subject_word, object_word", [
    pytest.param("Ansar Dine is al-Qaeda's official branch in northern Mali.", "branch_of", "Ansar", "Qa",
                 id="is-owners-branch"),
    pytest.param("The Haqqani Network is a semi-autonomous component of the Afghan Taliban.", "member_of",
                 "Haqqani", "Taliban", id="component-of"),
    pytest.param("Jabhat Fateh al-Sham announced its separation from al-Qaeda in July 2016.", "formerly_part_of",
                 "Jabhat", "Qa", id="separation-from"),
    pytest.param("Dozens of JNIM fighters defected to ISGS in 2019.", "recruited_from", "Sahel", "Nusrat",
                 id="fighters-defected-to"),
    pytest.param("Since 2020 the PKK has clashed repeatedly with the Kurdistan Democratic Party.", "rival_of",
                 "Kurdistan", "Democratic", id="clashed-repeatedly"),
])
def test_relations_more_phrasings(run, text, predicate, subject_word, object_word):
    pairs = _rels(run(text), predicate)
    assert any((subject_word.lower() in s.lower() and object_word.lower() in o.lower()) or
               (subject_word.lower() in o.lower() and object_word.lower() in s.lower()) for s, o in pairs), pairs


def test_relations_merger_makes_members(run):
    doc = run("JNIM was formed in March 2017 by the merger of Ansar Dine, al-Mourabitoun and the Macina Liberation Front.")
    pairs = _rels(doc, "member_of")
    assert len(pairs) == 3 and all("Nusrat" in o or "JNIM" in o for _, o in pairs), pairs


@pytest.mark.parametrize("text", [
    pytest.param("The two banks were formed by the merger of Habib Bank and United Bank.", id="merger-of-banks"),
    pytest.param("Fighters left Raqqa in October 2017.", id="left-a-city"),
])
def test_relations_new_phrasings_ignore(run, text):
    assert [c for c in run(text).claims if c.kind == "relation"] == []


@pytest.mark.parametrize("text, subject_word, predicate, object_word", [
    pytest.param("Boko Haram is an armed group in Nigeria. In 2015 the group pledged allegiance to the Islamic "
                 "State, which recognised it as part of its West Africa Province.",
                 "boko", "branch_of", "west africa", id="recognised-it-as-part"),
    pytest.param("In 2016 Abu Mohammed pledged allegiance to Islamic State leader Abu Bakr al-Baghdadi.",
                 "abu mohammed", "pledged_allegiance_to", "baghdadi", id="pledge-to-group-leader"),
    pytest.param("In 2012 a group of defectors from Ansar Dine founded Ansaru, which became a rival of Boko Haram "
                 "in Kano.", "ansaru", "rival_of", "boko", id="which-became-rival"),
    pytest.param("Lashkar-e-Taiba is an armed group in Pakistan. The group is a close partner of the Afghan "
                 "Taliban and has long been closely allied with al-Qaeda.",
                 "lashkar", "allied_with", "qa", id="coordinated-allied"),
    pytest.param("Hamas is a Palestinian group. The movement is allied with Hezbollah, which has trained its "
                 "fighters, and is a bitter rival of the Islamic State in Sinai.", "hamas", "rival_of", "islamic state",
                 id="coordinated-rival"),
    pytest.param("ISWAP emerged in 2016 when Abu Musab al-Barnawi, a former spokesman of Boko Haram, broke away "
                 "from the group and pledged allegiance to Abu Bakr al-Baghdadi.",
                 "barnawi", "pledged_allegiance_to", "baghdadi", id="subordinate-person-subject"),
])
def test_relations_clause_subjects(run, text, subject_word, predicate, object_word):
    found = relations(run(text))
    assert has(found, subject_word, predicate, object_word), found


@pytest.mark.parametrize("text, subject_word, predicate, object_word", [
    pytest.param("Lashkar-e-Taiba is an armed group in Pakistan. The group is a close partner of the Afghan "
                 "Taliban and has long been closely allied with al-Qaeda.",
                 "taliban", "allied_with", "qa", id="object-of-first-clause-is-no-ally"),
    pytest.param("In 2016 Abu Mohammed pledged allegiance to Islamic State leader Abu Bakr al-Baghdadi.",
                 "abu mohammed", "pledged_allegiance_to", "islamic state", id="leader-not-group"),
])
def test_relations_clause_subjects_not(run, text, subject_word, predicate, object_word):
    found = relations(run(text))
    assert not has(found, subject_word, predicate, object_word), found


@pytest.mark.parametrize("text, subject_word, predicate, object_word", [
    pytest.param("In 2015 the group pledged allegiance to the Islamic State, which recognised it as part of its "
                 "West Africa Province.", "west africa", "branch_of", "islamic state", id="recognisers-province"),
    pytest.param("Boko Haram is an armed group in Nigeria. From 2015 the group's attacks were claimed in the name "
                 "of al-Qaeda, and it operated as a branch of the Islamic State until 2016.",
                 "boko", "branch_of", "islamic state", id="and-it-operated-as-branch"),
    pytest.param("In June 2019 the Islamic State declared a separate Central Africa Province.",
                 "central africa", "branch_of", "islamic state", id="declared-separate-province"),
    pytest.param("Its fighters joined the Joint Operations Room, the umbrella alliance that includes Hamas and "
                 "Palestinian Islamic Jihad.", "hamas", "member_of", "joint operations", id="umbrella-includes"),
])
def test_relations_provinces_and_umbrellas(run, text, subject_word, predicate, object_word):
    found = relations(run(text))
    assert has(found, subject_word, predicate, object_word), found


def test_relations_merger_list_with_the(run):
    doc = run("Tahrir al-Sham was formed in January 2017 as a merger between Ansar Dine, the Macina Liberation "
              "Front, al-Mourabitoun and Ansar al-Islam.")
    subjects = {s for s, o in _rels(doc, "member_of")}
    assert any("Macina" in s for s in subjects), subjects


@pytest.mark.parametrize("text, date", [
    pytest.param("# Ansar Bait al-Maqdis\n\n| Ansar Bait al-Maqdis | |\n|---|---|\n| Allegiance | Islamic State "
                 "(since 2014) |\n\nAnsar Bait al-Maqdis is an armed group in Sinai.\n", "2014", id="table-row"),
    pytest.param("# Ansar Bait al-Maqdis\n\n- **Allegiance:** Islamic State\n\nAnsar Bait al-Maqdis is an armed "
                 "group in Sinai. In November 2014 the group pledged allegiance to the Islamic State.\n",
                 "2014-11", id="list-row-prose-wins"),
])
def test_relations_infobox_allegiance_row(run, text, date):
    found = [r for r in relations(run(text)) if r[1] == "pledged_allegiance_to"]
    assert len(found) == 1, found
    assert "ansar bait" in found[0][0] and "islamic state" in found[0][2] and found[0][3] == date


def test_relations_allegiance_row_names_no_state(run):
    doc = run("# Ansar Bait al-Maqdis\n\n- **Allegiance:** Egypt\n\nAnsar Bait al-Maqdis is an armed group.\n")
    assert [r for r in relations(doc) if r[1] == "pledged_allegiance_to"] == []


@pytest.mark.parametrize("text, subject_word, object_word", [
    pytest.param("In 2012 a group of hardliners who had left Boko Haram founded Ansaru in Kano.",
                 "ansaru", "boko", id="loyalists-who-left-founded"),
    pytest.param("ISWAP emerged in 2016 when Abu Musab al-Barnawi, a former spokesman, broke away from Boko Haram.",
                 "west africa", "boko", id="emerged-when-broke-away"),
])
def test_relations_splinter_told_by_its_founders(run, text, subject_word, object_word):
    found = relations(run(text))
    assert has(found, subject_word, "splinter_of", object_word), found


def test_relations_founders_who_left_a_city_is_no_splinter(run):
    found = relations(run("In 2012 fighters who had left Kano founded a new camp."))
    assert not any(p == "splinter_of" for _, p, _, _ in found), found
