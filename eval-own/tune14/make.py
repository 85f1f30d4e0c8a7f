# Writes qa.jsonl, casualties.json and intended.json for tune14. Run from anywhere: python3 make.py
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tools"))
from write_set import write_set  # noqa: E402


KA, IT, MA, MM, TG, CM, MO, SD = ('kashmir-wire.md', 'ituri-bulletin.md', 'marawi-timeline.md', 'myanmar-analysis.md',
                                  'tigray-digest.md', 'cameroon-feature.md', 'mosul-assessment.md', 'sudan-briefing.md')

# (question, intended brief or None, any_of)
QA = [
    # Kashmir: news-wire report with dateline and byline footer
    ("how many people were killed at the baisaran meadow", KA, ["26 people had been killed"]),
    ("who was the local man killed in the pahalgam attack?", KA, ["Syed Adil Hussain Shah"]),
    ("how did delhi respond to pakistan after the tourists were shot", KA, ["Indus Waters Treaty with Pakistan"]),
    ("how many pilgrims died when the bus from shiv khori was attacked", KA, ["Nine people were killed and 33 injured"]),
    ("how many gunmen carried out the pahalgam attack", None, None),
    # Ituri: protection bulletin with highlights and a table
    ("how many people did codeco kill in the raid on the plaine savo camp", IT, ["UN agencies later confirmed 62 deaths"]),
    ("death toll lala displacement site june 2023", IT, ["46 people had been killed"]),
    ("were any troops among the dead at the sumbu gold mine?", IT, ["four soldiers assigned to guard"]),
    ("How close was the Lala camp to the UN peacekeepers?", IT, ["about 5 km from a MONUSCO base"]),
    ("how many kids were killed at plaine savo", None, None),
    # Marawi: timeline under day headings, curly apostrophes
    ("who were troops trying to arrest when the marawi fighting started", MA, ["Isnilon Hapilon"]),
    ("how many soldiers died in the botched air strike in marawi", MA, ["corrects the figure to ten"]),
    ("why were the eight men found in the ravine killed?", MA, ["could not recite verses from the Koran"]),
    ("when did duterte declare marawi liberated", MA, ["liberated from terrorist influence"]),
    ("how many militants took part in the initial assault on marawi on 23 may", None, None),
    # Myanmar: analysis with numbered key points
    ("how many soldiers and police did arsa kill on 25 august 2017", MM, ["12 members of the security forces"]),
    ("what happened to the two reuters journalists who looked into inn din?", MM, ["sentenced to seven years in prison", "freed in an amnesty in May 2019"]),
    ("how many people did the junta's bombing of pazigyi kill", MM, ["names of 168 victims"]),
    ("Why were villagers gathered at Pazigyi when the jet struck?", MM, ["opening of a local administration office"]),
    ("how many arsa fighters took part in the august 2017 attacks on the police posts", None, None),
    # Tigray: security digest, one dated heading per incident, figures in words
    ("according to the ehrc how many civilians were massacred in mai kadra", TG, ["at least six hundred civilians"]),
    ("how many were hurt in the togoga market airstrike", TG, ["one hundred and eighty injured"]),
    ("final death toll of the drone strike on displaced people at dedebit", TG, ["raised the number of dead to fifty-nine"]),
    ("what type of drone was used in the dedebit strike", None, None),
    # Cameroon: feature with byline footer and correction note
    ("how many civilians did the ngarbuh inquiry say were killed", CM, ["had killed 13 civilians"]),
    ("what was the army's first explanation for the deaths in ngarbuh?", CM, ["fuel containers exploded"]),
    ("how old were the kids shot at the kumba school", CM, ["between nine and twelve years old"]),
    ("why did the separatists attack egbekaw", CM, ["revenge on members of the Boki community"]),
    ("what sentence did sergeant baba guida get for ngarbuh", None, None),
    # Mosul: open-source assessment with sections and key judgements
    ("how many shia inmates were massacred at badush", MO, ["prisoners killed at about 600"]),
    ("camp speicher massacre - how many cadets died?", MO, ["later count was 1,566 dead"]),
    ("what made the house in mosul al-jadida collapse in march 2017", MO, ["explosives that IS had stored"]),
    ("how many IS fighters took mosul in june 2014", None, None),
    # Sudan: briefing note with numbered headings, summary table and assessment
    ("how many people were killed when the drone hit the hospital in el fasher", SD, ["70 patients and companions"]),
    ("how many kids died in the rsf attack on wad al-nura", SD, ["at least 35 children had been killed"]),
    ("which rsf commander led the attack on wad al-nura", None, None),
    ("how many aid workers were killed in the shelling of sabreen market", None, None),
    # off-topic
    ("what's the weather forecast for srinagar this weekend", None, None),
    ("how do i book a meeting room for thursday", None, None),
    ("what is the boiling point of ethanol", None, None),
]

# (brief, incident, keys, fields)
GOLD = [
    (KA, "Gunmen fire on tourists at the Baisaran meadow above Pahalgam, 22 April 2025 (more than 20 -> 26)", ["Baisaran", "Pahalgam"], dict(killed=26, injured=17)),
    (KA, "Attack on the Nunwan base camp of the Amarnath pilgrimage, August 2000", ["Nunwan", "August 2000"], dict(killed=30, qualifier="more than")),
    (KA, "Amarnath pilgrims' bus fired on near Botengoo, Anantnag, 10 July 2017 (7 -> 8)", ["Botengoo", "10 July 2017"], dict(killed=8, injured=19)),
    (KA, "Pilgrims' bus from Shiv Khori fired on and plunged into a gorge near Teryath, Reasi, 9 June 2024", ["Reasi", "Shiv Khori", "Teryath", "9 June 2024"], dict(killed=9, injured=33)),
    (IT, "CODECO attack on the Yivo displacement site, 28 November 2021 (table only)", ["Yivo", "28 Nov 2021"], dict(killed=22, injured=11)),
    (IT, "CODECO attack on the Plaine Savo displacement site near Bule, 1-2 February 2022 (about 60 -> 62)", ["Plaine Savo", "1–2 Feb 2022", "1 to 2 February 2022"], dict(killed=62, injured=36)),
    (IT, "CODECO raid on the Sumbu gold-mining site, 16 August 2022 (twelve civilians and four soldiers)", ["Sumbu"], dict(killed=16)),
    (IT, "CODECO raid on the Waya gold-mining site, 16 August 2022", ["Waya"], dict(killed=8, injured=2)),
    (IT, "CODECO attack on the Lala displacement site, 11-12 June 2023 (22 -> 46)", ["Lala", "11–12 Jun 2023", "11 to 12 June 2023"], dict(killed=46, injured=10)),
    (MA, "First day of the Marawi fighting after the raid on Hapilon's hideout, 23 May 2017 (a police officer and two soldiers)", ["Tuesday 23 May"], dict(killed=3, injured=12)),
    (MA, "Eight men executed and dumped in a ravine beside the Marawi-Iligan road, found 28 May 2017", ["Sunday 28 May", "ravine", "Marawi–Iligan road"], dict(killed=8)),
    (MA, "Friendly-fire air strike on the 55th Infantry Battalion in Marawi, 31 May 2017 (11 corrected to 10)", ["31 May", "55th Infantry Battalion"], dict(killed=10, injured=7)),
    (MM, "ARSA attacks on police posts and an army base, northern Rakhine, 25 August 2017 (77 insurgents not counted)", ["25 August 2017", "northern Rakhine"], dict(killed=12)),
    (MM, "Execution of ten Rohingya men at Inn Din, 2 September 2017", ["Inn Din", "2 September 2017"], dict(killed=10)),
    (MM, "Helicopter attack on the monastery school at Let Yet Kone, Tabayin, 16 September 2022", ["Let Yet Kone", "Tabayin", "16 September 2022"], dict(killed=13, injured=17, qualifier="at least")),
    (MM, "Air strike on a gathering at Pazigyi, Kanbalu, 11 April 2023 (about 50 -> over 100 -> 168)", ["Pazigyi", "Kanbalu", "11 April 2023"], dict(killed=168, injured=16)),
    (TG, "Mai Kadra massacre, 9 November 2020", ["Mai Kadra", "9 November 2020"], dict(killed=600, qualifier="at least")),
    (TG, "Air strike on Togoga market, 22 June 2021 (43 -> 51 -> 64)", ["Togoga", "22 June 2021"], dict(killed=64, injured=180)),
    (TG, "Drone strike on the school sheltering displaced people at Dedebit, 7 January 2022 (56 -> 59)", ["Dedebit", "7 January 2022"], dict(killed=59, injured=30)),
    (TG, "Air strike on the Red Kids Paradise kindergarten, Mekelle, 26 August 2022 (4 -> 7)", ["Red Kids Paradise", "26 August 2022", "Mekelle"], dict(killed=7, injured=9)),
    (CM, "Killings by soldiers and vigilantes at Ngarbuh, Ntumbaw, 13-14 February 2020 (army 5, HRW 21, inquiry 13; five separatists not counted)", ["Ngarbuh", "Ntumbaw", "Donga-Mantung"], dict(killed=13)),
    (CM, "Gunmen attack the Mother Francisca International Bilingual Academy, Fiango, Kumba, 24 October 2020 (six -> seven)", ["Kumba", "Mother Francisca", "Fiango"], dict(killed=7, injured=13)),
    (CM, "Separatist raid on Egbekaw, Mamfe, 6 November 2023 (more than twenty -> 25 -> 26)", ["Egbekaw", "Mamfe", "6 November 2023"], dict(killed=26, injured=9)),
    (MO, "Massacre of Shia inmates from Badush prison, 10 June 2014", ["Badush"], dict(killed=600, qualifier="about")),
    (MO, "Camp Speicher massacre near Tikrit, 12 June 2014 (IS claim 1,700; government count 1,566)", ["Camp Speicher", "Tikrit", "12 June"], dict(killed=1566)),
    (MO, "Coalition air strike on a house in Mosul al-Jadida, 17 March 2017 (more than 200 -> 101 + 4 = 105)", ["Mosul al-Jadida", "17 March 2017"], dict(killed=105)),
    (SD, "RSF attack on the village of Wad al-Nura, Gezira, 5 June 2024", ["Wad al-Nura", "Gezira", "5 June 2024", "5 Jun 2024"], dict(killed=104)),
    (SD, "Drone strike on the Saudi Teaching Maternal Hospital, El Fasher, 24 January 2025 (67 -> 70)", ["Saudi Teaching Maternal Hospital", "Saudi Hospital", "El Fasher", "24 January 2025"], dict(killed=70, injured=19)),
    (SD, "Shelling of Sabreen market, Omdurman, 1 February 2025 (per hospital 52 + 2 and 105 + 53)", ["Sabreen", "Omdurman", "1 February 2025"], dict(killed=54, injured=158)),
]

write_set("u", QA, GOLD, os.path.dirname(os.path.abspath(__file__)))
