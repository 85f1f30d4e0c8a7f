# Writes qa.jsonl, casualties.json and intended.json for tune15. Run from anywhere: python3 make.py
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tools"))
from write_set import write_set  # noqa: E402


BA, CA, BM, MX, CO, KN, BT, LB = ('bali-wire.md', 'car-bulletin.md', 'bamako-timeline.md', 'mexico-analysis.md',
                                  'colombia-digest.md', 'knife-feature.md', 'benin-togo-assessment.md', 'lebanon-briefing.md')

# (question, intended brief or None, any_of)
QA = [
    # Bali: news-wire report with dateline and byline footer
    ("what's the final death toll from the suicide bombings at the jimbaran and kuta restaurants?", BA, ["20 people had been killed by the blasts", "killing 20 people"]),
    ("how many aussies died in the 2002 kuta nightclub bombing", BA, ["88 of them Australians"]),
    ("which bomb makers are indonesian police hunting after the bali cafe blasts?", BA, ["Azahari Husin", "Noordin Mohammad Top"]),
    ("why did the bali police chief think the restaurant attackers were suicide bombers", BA, ["heads and legs but no torsos", "three severed heads"]),
    ("how many people have been arrested over the 2005 bali restaurant bombings?", None, None),
    # Central African Republic: protection bulletin with highlights and a table
    ("how many were killed when anti-balaka fighters attacked bangassou in may 2017", CA, ["gave 108 dead and 76 injured", "recovered 115 bodies"]),
    ("where did the muslims of bangassou shelter during the siege?", CA, ["took refuge in the central mosque"]),
    ("what did the un investigation find about the death toll at the alindao camp", CA, ["at least 112 people, 19 of them children"]),
    ("did the 3R hand anyone over after the killings in koundjili and lemouna?", CA, ["handed over three men"]),
    ("which country's peacekeepers were guarding the alindao displacement site?", None, None),
    # Bamako: timeline under day headings, curly apostrophes
    ("how many people were inside the radisson blu when the gunmen stormed it", BM, ["About 170 people are trapped inside"]),
    ("what emergency measures did keita announce after the bamako hotel attack?", BM, ["10-day state of emergency"]),
    ("how many russians died in the radisson siege", BM, ["six of its citizens"]),
    ("which group said it was behind the bamako hotel attack", BM, ["Al-Mourabitoun, the group led by Mokhtar Belmokhtar"]),
    ("how many people were killed in the sevare hotel siege in august 2015?", None, None),
    # Mexico: think-tank analysis with numbered key points
    ("how many women were among the migrants massacred in tamaulipas in 2010", MX, ["58 men and 14 women"]),
    ("why did the zetas set fire to the casino royale?", MX, ["refused to pay protection money"]),
    ("when were the men convicted of the morelia grenade attack set free?", MX, ["ordered their release in 2019"]),
    ("how many of the 43 missing ayotzinapa students have been identified?", MX, ["remains of only three had been identified"]),
    ("how many suspects were arrested after the monterrey casino fire?", None, None),
    # Colombia: security digest, one dated heading per attack, figures in words
    ("how many cops died in the bombing of the barranquilla police station", CO, ["Five officers, aged between twenty-four"]),
    ("what's the final toll from the truck bomb in cali?", CO, ["six dead, all of them civilians"]),
    ("was anybody killed by the van bomb at the army brigade in cucuta", CO, ["no one was killed", "Thirty-six people were injured"]),
    ("how many police officers were wounded when the helicopter was brought down over amalfi?", None, None),
    # Knife attacks: magazine feature with byline footer and correction note
    ("what sentence did the southport killer get", KN, ["minimum term of 52 years"]),
    ("how old was the policeman who died after the mannheim stabbing?", KN, ["Rouven Laur, 29"]),
    ("how many people were hurt in the annecy playground attack", KN, ["four children aged between 22 months", "All six survived"]),
    ("what sentence did the solingen attacker receive?", None, None),
    # Benin and Togo: open-source assessment with sections and key judgements
    ("how many beninese soldiers were killed in the april 2025 attacks in alibori", BT, ["raised the number to 54"]),
    ("who was killed in the ambush on the rangers in w national park?", BT, ["five rangers and a Beninese soldier", "French instructor"]),
    ("why did togo's air force hit the youths at margba", BT, ["mistaken the group for a column of jihadists"]),
    ("how many militants were killed in the april 2025 attacks on benin's army posts?", None, None),
    # Lebanon: briefing note with numbered headings, summary table and assessment
    ("how many kids were killed when the rocket hit the football field in majdal shams", LB, ["Twelve children and teenagers"]),
    ("what's the latest toll from the walkie-talkie blasts?", LB, ["25 dead and 608 wounded"]),
    ("who was israel going after in the strike on beirut's southern suburbs on 20 september", LB, ["Ibrahim Aqil"]),
    ("how many hezbollah fighters were among the dead from the pager explosions?", None, None),
    ("which company manufactured the pagers that blew up in lebanon", None, None),
    # off-topic
    ("how do i renew my passport online", None, None),
    ("what's a good recipe for banana bread?", None, None),
    ("who wrote pride and prejudice", None, None),
]

# (brief, incident, keys, fields)
GOLD = [
    (BA, "Suicide bombings at the Nyoman and Menega cafes, Jimbaran, and Raja's, Kuta Square, 1 October 2005 (23 -> 26 -> 20; three bombers not counted)", ["Jimbaran", "Kuta Square", "Raja's", "1 October"], dict(killed=20, injured=122)),
    (BA, "Paddy's Pub and Sari Club bombings, Kuta, 12 October 2002", ["Paddy's Pub", "Sari Club", "12 October 2002"], dict(killed=202, injured=209)),
    (CA, "Ambush on a MINUSCA convoy at Yogofongo, near Bangassou, 8 May 2017 (table only)", ["Yogofongo", "8 May 2017"], dict(killed=5, injured=10)),
    (CA, "Anti-balaka attack on the Tokoyo quarter of Bangassou, 13 May 2017 (115 bodies -> consolidated 108)", ["Tokoyo", "13 May 2017", "Bangassou"], dict(killed=108, injured=76)),
    (CA, "UPC attack on the Alindao displacement site, 15 November 2018 (42 -> 70-100 -> at least 112)", ["Alindao", "15 November 2018", "15 Nov 2018"], dict(killed=112, injured=27, qualifier="at least")),
    (CA, "3R attacks on Koundjili and Lemouna, west of Paoua, 21 May 2019 (26 -> 34)", ["Koundjili", "Lemouna", "Paoua"], dict(killed=34)),
    (BM, "Radisson Blu hotel hostage attack, Bamako, 20 November 2015 (27 -> 21 incl. two gunmen -> 20; gunmen not counted)", ["Radisson Blu", "Radisson", "20 November"], dict(killed=20, injured=7)),
    (BM, "Shooting at La Terrasse, Hippodrome district, Bamako, 7 March 2015", ["La Terrasse", "Hippodrome", "7 March"], dict(killed=5, injured=9)),
    (MX, "Grenade attack on the independence-day crowd, Morelia, 15 September 2008 (7 -> 8)", ["Morelia", "15 September 2008", "Plaza Melchor Ocampo"], dict(killed=8, injured=100)),
    (MX, "Massacre of 72 migrants at a ranch in San Fernando, Tamaulipas, found 24 August 2010 (one wounded survivor)", ["San Fernando", "Tamaulipas", "24 August"], dict(killed=72, injured=1)),
    (MX, "Arson attack on the Casino Royale, Monterrey, 25 August 2011 (53 -> 52)", ["Casino Royale", "Monterrey", "25 August 2011"], dict(killed=52, injured=10)),
    (MX, "Attack on the Ayotzinapa students' buses, Iguala, 26-27 September 2014 (43 missing not counted)", ["Iguala", "Ayotzinapa", "Guerrero"], dict(killed=6, injured=25)),
    (CO, "Bomb in the Centro Andino shopping centre, Bogota, 17 June 2017", ["Andino", "17 June 2017"], dict(killed=3, injured=11)),
    (CO, "Bomb at the San Jose police station, Barranquilla, 27 January 2018 (46 of 49 officers killed or wounded)", ["Barranquilla", "San José", "27 January 2018"], dict(killed=5, injured=41, killed_and_injured=46)),
    (CO, "Van bomb at the 30th Brigade base, Cucuta, 15 June 2021 (wounded only)", ["Cúcuta", "30th Brigade", "15 June 2021"], dict(injured=36)),
    (CO, "Drone attack on a police helicopter, Los Toros, Amalfi, 21 August 2025 (8 -> 12 -> 13)", ["Amalfi", "Los Toros"], dict(killed=13)),
    (CO, "Lorry bomb beside the Marco Fidel Suarez aviation school, Cali, 21 August 2025 (5 -> 6; 36 -> more than 70)", ["Cali", "Marco Fidel Suárez", "Carrera Octava"], dict(killed=6, injured=70)),
    (KN, "Knife attack at the Jardins de l'Europe playground, Annecy, 8 June 2023 (wounded only)", ["Annecy", "8 June 2023", "Jardins de l'Europe"], dict(injured=6)),
    (KN, "Knife attack on the Marktplatz rally, Mannheim, 31 May 2024 (officer died two days later; attacker not counted)", ["Mannheim", "31 May 2024", "Marktplatz"], dict(killed=1, injured=5)),
    (KN, "Knife attack on a children's dance class at Hart Space, Southport, 29 July 2024 (eight children and two adults wounded)", ["Southport", "Hart Space", "29 July 2024"], dict(killed=3, injured=10)),
    (KN, "Knife attack at the city festival on the Fronhof, Solingen, 23 August 2024", ["Solingen", "Fronhof", "23 August 2024"], dict(killed=3, injured=8)),
    (BT, "Ambush on a ranger patrol in W National Park, Benin, 8 February 2022 (six -> seven with the French instructor)", ["W National Park", "8 February 2022"], dict(killed=7, injured=10)),
    (BT, "Attack on the army position at Point Triple, Benin, 8 January 2025 (attackers counted apart)", ["Point Triple", "8 January 2025"], dict(killed=28)),
    (BT, "Simultaneous attacks on two army positions in Alibori, Benin, 17 April 2025 (8 -> 54; JNIM claim 70)", ["17 April 2025", "Alibori"], dict(killed=54)),
    (BT, "Attack on the forward post at Kpinkankandi, Kpendjal, Togo, 10-11 May 2022 (about fifteen attackers not counted)", ["Kpinkankandi", "Kpendjal"], dict(killed=8, injured=13)),
    (BT, "Mistaken air strike on young people at Margba, Tone prefecture, Togo, 9-10 July 2022", ["Margba", "Tône"], dict(killed=7, injured=2)),
    (LB, "Rocket strike on the football pitch at Majdal Shams, Golan Heights, 27 July 2024", ["Majdal Shams", "27 July 2024", "27 Jul 2024"], dict(killed=12, injured=30)),
    (LB, "Pager explosions across Lebanon, 17 September 2024 (9 -> 12 dead; about 2,800 wounded, per-region figures)", ["pager", "17 September 2024", "17 Sep 2024"], dict(killed=12, injured=2800)),
    (LB, "Walkie-talkie explosions across Lebanon, 18 September 2024 (20 -> 25 dead; 450 -> 608 wounded)", ["walkie-talkie", "18 September 2024", "18 Sep 2024"], dict(killed=25, injured=608)),
    (LB, "Air strike on a building in Jamous, southern Beirut, 20 September 2024 (12 -> 37 -> 45 dead; 66 -> 68 wounded)", ["Jamous", "20 September 2024", "20 Sep 2024"], dict(killed=45, injured=68)),
]

write_set("k", QA, GOLD, os.path.dirname(os.path.abspath(__file__)))
