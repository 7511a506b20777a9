"""Short reports written for the resolution tests: the same attacks told by a wire, a press release,
an encyclopaedia page and a monthly report, with other tolls, other spellings of the groups and
places, and a month in one where another gives the day. Invented wording about places in Iraq,
Somalia, Pakistan, Yemen, Afghanistan and Nigeria; none is a line of the reference corpus."""
from __future__ import annotations

from pathlib import Path

REPORTS: dict[str, str] = {
    'a_wire_mogadishu.txt': (
        'MOGADISHU, Somalia, March 9, 2023 (Wire) — At least 18 people were killed on Thursday when a suicide bomber struck a busy restaurant in Mogadishu, police said.\n'
        '\n'
        'Al-Shabab claimed responsibility for the restaurant bombing in a statement on its radio station.\n'
        '\n'
        'Ahmed Diriye was appointed as the new emir of al-Shabab in September 2014.\n'
    ),
    'b_release_mogadishu.txt': (
        'Press release — Ministry of Internal Security, Somalia\n'
        '\n'
        'The Ministry condemns the suicide bombing of a restaurant in Mogadishu on 9 March 2023, which killed 23 civilians. The attack was carried out by al-Shabaab, the terrorist group also known as Harakat al-Shabaab al-Mujahideen.\n'
        '\n'
        'In a separate attack on 21 March 2023, gunmen stormed a hotel in Mogadishu, killing 6 people. Al-Shabaab claimed the hotel attack.\n'
    ),
    'c_encyclopedia_shabaab.md': (
        '# Harakat al-Shabaab al-Mujahideen\n'
        '\n'
        'Harakat al-Shabaab al-Mujahideen, commonly called al-Shabaab, is a militant group based in Somalia.\n'
        '\n'
        '## Attacks\n'
        '\n'
        '- In March 2023, a suicide bombing at a restaurant in Mogadishu killed 20 people.\n'
        '- In 2019, the group bombed a checkpoint in Mogadishu, killing 79 people.\n'
        '\n'
        '## Leadership\n'
        '\n'
        'Ahmed Diriye was appointed as the new emir of al-Shabaab in December 2014.\n'
    ),
    'e_wire_quetta.txt': (
        'QUETTA, Pakistan, August 8, 2016 (Wire) — A suicide bomber killed 70 people at a hospital in Quetta, the capital of Baluchistan province, officials said. Jamaat-ul-Ahrar claimed the bombing.\n'
    ),
    'f_release_quetta.txt': (
        'Press release — Government of Balochistan\n'
        '\n'
        'On 8 August 2016, a suicide bombing at the Civil Hospital in Quetta, Balochistan, killed 74 people, among them many lawyers. The terrorist group Jamaat ul Ahrar claimed responsibility.\n'
    ),
    'g_wire_baghdad.txt': (
        'BAGHDAD, Iraq, July 3, 2016 (Wire) — A truck bomb killed 292 people in the Karrada district of Baghdad on Sunday. Daesh claimed the bombing.\n'
    ),
    'h_encyclopedia_iraq.md': (
        '# Bombings in Iraq, 2016\n'
        '\n'
        '- In July 2016, a truck bombing in Baghdad claimed by ISIS killed 340 people.\n'
        '- On 10 November 2016, a car bomb in Baghdad killed 12 people. The Mahdi Justice Brigade, a previously unknown group, claimed the attack.\n'
    ),
    'i_wire_yemen.txt': (
        "ADEN, Yemen, August 29, 2016 (Wire) — A suicide car bomb killed 71 army recruits at a school in Aden on Monday. The Islamic State's Yemen Province claimed the attack.\n"
    ),
    'j_wire_jalalabad.txt': (
        'JALALABAD, Afghanistan, June 12, 2022 (Wire) — A bomb killed 9 worshippers at a mosque in Jalalabad on Sunday, officials said. The Islamic State claimed the bombing.\n'
    ),
    'k_report_jalalabad.txt': (
        'Monthly security report: Nangarhar\n'
        '\n'
        'On 12 June 2022, a bombing at a mosque in Jalalabad, Nangarhar province, killed 11 worshippers. The Islamic State Khorasan Province (ISKP) claimed responsibility.\n'
    ),
    'l_wire_maiduguri.txt': (
        'MAIDUGURI, Nigeria, January 16, 2021 (Wire) — Fighters of the Islamic State West Africa Province killed 14 soldiers in an attack on a military base near Maiduguri on Saturday, the army said.\n'
    ),
    'm_brief_maiduguri.txt': (
        'In January 2021, ISWAP fighters attacked a military base near Maiduguri, killing 19 soldiers.\n'
    ),
}


def write_reports(folder: Path, names: list[str] | None = None) -> Path:
    """Write the reports (all, or those named) into `folder`; returns it."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in REPORTS.items():
        if names is None or name in names:
            (folder / name).write_text(text, encoding="utf-8")
    return folder
