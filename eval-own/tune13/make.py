# Writes qa.jsonl, casualties.json and intended.json for tune13. Run from anywhere: python3 make.py
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tools"))
from write_set import write_set  # noqa: E402

SS, MG, NS, HT, CE, SA = ('south-sudan-sitrep.md', 'maguindanao-faq.md', 'nova-scotia-chronology.md',
                          'haiti-intsum.txt', 'central-europe-newsletter.txt', 'sarajevo-briefing.md')

# (question, intended brief or None, any_of)
QA = [
    # South Sudan: UN/NGO situation report with numbered paragraphs
    ("how many civilians were killed when the opposition retook bentiu", SS, ["more than 200 civilians were killed"]),
    ("bor un base attack april 2014 death toll", SS, ["raised to 58 civilians killed"]),
    ("who were the chinese peacekeepers who died in juba in july 2016?", SS, ["Li Lei and Yang Shupeng"]),
    ("Which journalist was murdered when soldiers stormed the Terrain compound?", SS, ["They shot dead John Gatluak"]),
    ("how many lost their lives in the malakal poc site violence in feb 2016", SS, ["put the toll at 30 killed"]),
    ("how many aid workers were hurt in the terrain hotel attack", None, None),
    # Maguindanao: Q&A-style FAQ
    ("how many journalists died in the maguindanao massacre", MG, ["32 journalists and media workers"]),
    ("who led the gunmen who stopped the mangudadatu convoy?", MG, ["led by Andal Ampatuan Jr."]),
    ("what sentence did the ampatuan brothers get", MG, ["sentenced to reclusion perpetua without parole"]),
    ("Mamasapano clash - total number of dead?", MG, ["In all 67 people were killed", "44 SAF commandos, 18 MILF fighters"]),
    ("how many people did the lamitan checkpoint van bomb kill", MG, ["along with ten others"]),
    ("what was the name of the driver of the lamitan van bomb", None, None),
    ("how many were wounded in the mamasapano fighting", None, None),
    # Nova Scotia: chronology table plus prose
    ("how many people did the nova scotia gunman kill in total", NS, ["had been raised to 22"]),
    ("where was wortman finally shot dead", NS, ["Irving Big Stop in Enfield"]),
    ("which mountie was killed at the shubenacadie cloverleaf?", NS, ["kills Constable Heidi Stevenson"]),
    ("how many recommendations did the mass casualty commission make", NS, ["It made 130 recommendations"]),
    ("moncton 2014 how many rcmp officers died", NS, ["killing three constables"]),
    ("what are the names of the two officers who shot the gunman at the gas station in enfield", None, None),
    ("what was the name of the gunman's partner who hid in the woods", None, None),
    # Haiti: intelligence summary with BLUF and key judgments
    ("how many people were killed in pont-sonde", HT, ["raised the toll to 115 killed"]),
    ("who leads gran grif", HT, ["Gran Grif fighters led by Luckson Elan"]),
    ("why did mikano order the killings in wharf jeremie?", HT, ["caused his child's illness by witchcraft"]),
    ("cite soleil massacre december 2024 how many dead", HT, ["revised the count to 207 killed"]),
    ("names of the journalists killed at the hopital general reopening", HT, ["Markenzy Nathoux and Jimmy Jean"]),
    ("how many people were injured in the la saline massacre", None, None),
    ("what was the name of the police officer killed at the hospital on christmas eve", None, None),
    # Central Europe: plain-text newsletter with dashed separators
    ("how many died in the prague university shooting", CE, ["14 people had been killed"]),
    ("belgrade school shooting final death toll", CE, ["raising the toll to ten dead"]),
    ("who was the shooter in the villages near mladenovac", CE, ["Uros Blazic"]),
    ("Who were the two men killed outside the bar in Bratislava?", CE, ["Juraj Vankulic and Matus Horvath"]),
    ("what was the name of the man shot with his baby daughter in the klanovice forest", None, None),
    # Sarajevo: British-English research briefing, figures in words
    ("how many people died in the first markale market massacre", SA, ["toll had risen to sixty-eight"]),
    ("tuzla kapija shelling casualties", SA, ["Seventy-one people were killed"]),
    ("what sentence did galic end up with", SA, ["increased to life imprisonment on appeal"]),
    ("how many were killed at the dobrinja football game", SA, ["revised down to thirteen"]),
    ("how many children were among those killed at kapija in tuzla", None, None),
    # off-topic
    ("how do i reset my vpn password", None, None),
    ("can you recommend a recipe for banana bread", None, None),
    ("what's the euro to czech koruna exchange rate today", None, None),
]

# (brief, incident, keys, fields)
GOLD = [
    (SS, "Killings in the Kali-Ballee mosque, church and hospital as the SPLA-IO retook Bentiu, 15-16 April 2014", ["Bentiu", "Kali-Ballee"], dict(killed=200, injured=400)),
    (SS, "Armed youths storm the UNMISS protection site in Bor, Jonglei, 17 April 2014 (48 -> 58; two attackers killed, not counted)", ["Bor, Jonglei", "base in Bor"], dict(killed=58, injured=100)),
    (SS, "Clashes and arson in the Malakal PoC site, 17-18 February 2016 (MSF first 18; board of inquiry 30 and 123)", ["Malakal"], dict(killed=30, injured=123)),
    (SS, "Shell strikes a Chinese armoured vehicle at UN House, Juba, 10 July 2016", ["UN House", "Chinese peacekeepers"], dict(killed=2, injured=5)),
    (SS, "Soldiers storm the Terrain residential compound, Juba, 11 July 2016 (journalist John Gatluak killed)", ["Terrain"], dict(killed=1)),
    (MG, "Maguindanao (Ampatuan) massacre at Sitio Masalay, 23 November 2009 (21 -> 46 -> 57 bodies; toll 58)", ["Ampatuan", "Sitio Masalay", "23 November 2009"], dict(killed=58)),
    (MG, "Mamasapano clash, Tukanalipao, 25 January 2015 (44 SAF, 18 MILF, five civilians)", ["Mamasapano", "Tukanalipao"], dict(killed=67)),
    (MG, "Motorcycle bomb during a festival in Isulan, Sultan Kudarat, 28 August 2018", ["Isulan", "Sultan Kudarat"], dict(killed=3, injured=36)),
    (MG, "Van bomb at an army checkpoint in Colonia village, Lamitan City, Basilan, 31 July 2018 (driver not counted)", ["Lamitan", "Colonia", "Basilan"], dict(killed=10)),
    (NS, "Shootings and arson in Portapique, 18 April 2020", ["Portapique"], dict(killed=13)),
    (NS, "Killings on Hunter Road and of Lillian Campbell at Wentworth, and Andrew MacDonald wounded, 19 April 2020", ["Wentworth", "Hunter Road"], dict(killed=4, injured=1)),
    (NS, "Kristen Beaton and Heather O'Brien killed on Highway 4 near Debert, 19 April 2020", ["Debert"], dict(killed=2)),
    (NS, "Shubenacadie: Constable Heidi Stevenson, Joey Webber and Gina Goulet killed, Constable Chad Morrison wounded", ["Shubenacadie"], dict(killed=3, injured=1)),
    (NS, "Nova Scotia shootings overall, 18-19 April 2020 (13 -> 19 -> 22; gunman not counted)", ["Nova Scotia", "18–19 April 2020"], dict(killed=22, injured=2)),
    (NS, "Justin Bourque's shooting of RCMP officers in Moncton, New Brunswick, 4 June 2014", ["Moncton"], dict(killed=3, injured=2)),
    (HT, "Gang attack on La Saline, Port-au-Prince, 13-14 November 2018 (UN 26; RNDDH 59, later 71)", ["La Saline"], dict(killed=26)),
    (HT, "Gran Grif raid on Pont-Sonde, Artibonite, 3 October 2024 (70 -> 115)", ["Pont-Sonde"], dict(killed=115, injured=16)),
    (HT, "Killings ordered by Monel Felix in Wharf Jeremie, Cite Soleil, 6-11 December 2024 (110 -> 184 -> 207)", ["Wharf Jeremie", "Cite Soleil"], dict(killed=207)),
    (HT, "Shooting at the reopening of the Hopital General, Port-au-Prince, 24 December 2024", ["Hopital General", "State University Hospital"], dict(killed=3, injured=7)),
    (CE, "Shooting at the Faculty of Arts, Charles University, Prague, 21 December 2023 (gunman not counted)", ["Charles University", "Faculty of Arts", "Jan Palach Square"], dict(killed=14, injured=25)),
    (CE, "The Prague gunman's father shot dead at home in Hostoun, 21 December 2023", ["Hostoun"], dict(killed=1)),
    (CE, "Man and his two-month-old daughter shot in the Klanovice forest, 15 December 2023", ["Klanovice"], dict(killed=2)),
    (CE, "Vladislav Ribnikar school shooting, Vracar, Belgrade, 3 May 2023 (9 -> 10 dead; six wounded surviving)", ["Vladislav Ribnikar", "Vracar"], dict(killed=10, injured=6)),
    (CE, "Drive-by shootings in Dubona and Malo Orasje near Mladenovac, 4 May 2023", ["Dubona", "Malo Orasje", "Mladenovac"], dict(killed=8, injured=14)),
    (CE, "Shooting outside the Teplaren bar, Zamocka Street, Bratislava, 12 October 2022 (gunman not counted)", ["Teplaren", "Zamocka", "Bratislava"], dict(killed=2, injured=1)),
    (SA, "Breadline massacre, Vase Miskina Street, Sarajevo, 27 May 1992 (16 -> 26)", ["Vase Miskina", "27 May 1992"], dict(killed=26, injured=100)),
    (SA, "Shelling of a football tournament in Dobrinja, 1 June 1993 (15 revised down to 13)", ["Dobrinja", "1 June 1993"], dict(killed=13, injured=130)),
    (SA, "First Markale market massacre, Sarajevo, 5 February 1994 (66 -> 68)", ["Markale open-air market", "5 February 1994"], dict(killed=68, injured=144)),
    (SA, "Kapija shelling, Tuzla, 25 May 1995", ["Kapija", "Tuzla"], dict(killed=71, injured=240)),
    (SA, "Second Markale shelling, Mula Mustafe Bašeskije Street, Sarajevo, 28 August 1995 (37 -> 43)", ["Mula Mustafe Bašeskije", "28 August 1995"], dict(killed=43, injured=75)),
]

write_set("t", QA, GOLD, os.path.dirname(os.path.abspath(__file__)))
