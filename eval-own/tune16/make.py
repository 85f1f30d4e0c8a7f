# Writes qa.jsonl, casualties.json and intended.json for tune16. Run from anywhere: python3 make.py
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tools"))
from write_set import write_set  # noqa: E402


IN, BU, NO, SY, IQ, CA, NR, ET = ('india-wire.md', 'burundi-bulletin.md', 'norway-timeline.md', 'syria-analysis.md',
                                  'iraq-digest.md', 'canada-feature.md', 'nordic-assessment.md', 'ethiopia-briefing.md')

# (question, intended brief or None, any_of)
QA = [
    # India: news-wire report with dateline and byline footer
    ("what's the final death toll from the samjhauta express bombing?", IN, ["rose to 68 on Tuesday"]),
    ("why couldn't passengers get out of the burning coaches near panipat", IN, ["windows were fitted with iron bars", "the doors had jammed"]),
    ("how many people died in the malegaon blasts in 2006", IN, ["Thirty-seven people were killed"]),
    ("what was inside the devices that didn't go off on the friendship express?", IN, ["bottles of kerosene and petrol", "two unexploded suitcase bombs"]),
    ("who was convicted for the samjhauta express attack?", None, None),
    # Burundi: protection bulletin with highlights and a table
    ("which rebel group claimed the gatumba refugee camp massacre", BU, ["Forces nationales de libération", "Pasteur Habimana"]),
    ("how many people died in the shooting at the gatumba bar in september 2011", BU, ["bringing the number of dead to 39"]),
    ("how many soldiers and cops were killed in the december 2015 attacks on the bujumbura army camps?", BU, ["four soldiers and four police officers"]),
    ("how many people were arrested after the ruhagarika killings in cibitoke?", None, None),
    # Norway: timeline under day headings, curly apostrophes
    ("how many people were killed on utoya in the end", NO, ["bringing the total for the day to 77", "number killed on Utøya at 69"]),
    ("why did the police lower the death toll for the island?", NO, ["counting bodies at several sites"]),
    ("how many were hurt by the car bomb in oslo", NO, ["209 people were injured"]),
    ("what sentence did breivik get", NO, ["21 years of preventive detention"]),
    ("how many of the young people killed on utoya were under 18?", None, None),
    # Syria: think-tank analysis with numbered key points
    ("how many kids were among the dead in the houla massacre", SY, ["49 children and 34 women", "32 children under the age of ten"]),
    ("who did the UN inquiry hold responsible for the killings in taldou?", SY, ["government forces and the shabiha were responsible"]),
    ("what happened when the un monitors tried to get to al qubeir", SY, ["turned back at checkpoints", "vehicles were shot at"]),
    ("how many were killed in darayya in august 2012", SY, ["at least 320 dead"]),
    ("how many people were wounded in the houla massacre?", None, None),
    # Iraq: security digest, one dated heading per attack, figures in words
    ("how many people died in the truck bombing at the sadriya market in baghdad", IQ, ["one hundred and thirty-five people had been killed"]),
    ("what happened in tal afar the night after the lorry bombs?", IQ, ["shot men in their homes", "at least forty-seven were killed"]),
    ("what's the final toll for the bombings of the yazidi villages near sinjar", IQ, ["seven hundred and ninety-six killed"]),
    ("how many were injured in the amirli market bombing", IQ, ["two hundred and fifty wounded"]),
    ("how many suspects were detained after the qahtaniya bombings?", None, None),
    # Canada: magazine feature with byline footer and correction note
    ("how many people did the toronto van attack kill", CA, ["the toll rose to 11", "Ten people died that afternoon"]),
    ("why did the judge call the yonge street driver john doe", CA, ["to deny him the notoriety"]),
    ("who was killed in the greektown shooting?", CA, ["Reese Fallon, 18", "Julianna Kozis, 10"]),
    ("what gun did faisal hussain use on danforth avenue?", None, None),
    ("what sentence did alek minassian receive?", None, None),
    # Nordic countries: open-source assessment with sections and key judgements
    ("who died in the jokela high school shooting", NR, ["six students, the school nurse and the headmistress"]),
    ("why were the finnish police criticised before the kauhajoki shooting?", NR, ["left him his weapon licence"]),
    ("how many died in the orebro school shooting", NR, ["ten people had been killed, not counting"]),
    ("how many shots did the jokela gunman fire?", None, None),
    # Ethiopia: briefing note with numbered headings, summary table and assessment
    ("how many amhara were killed in the gawa qanqa massacre?", ET, ["at least 54 had died"]),
    ("what's the human rights commission's final toll for the bekoji attack in metekel", ET, ["raised the figure to 207"]),
    ("who did abiy blame for the massacre in gimbi in june 2022?", ET, ["horrific and blamed the OLA"]),
    ("how many people were wounded in the tole massacre?", None, None),
    # off-topic
    ("how do i reset my wifi router", None, None),
    ("what's the best way to cook basmati rice?", None, None),
    ("who painted the mona lisa", None, None),
]

# (brief, incident, keys, fields)
GOLD = [
    (IN, "Firebombing of the Samjhauta Express near Diwana, Panipat, 18 February 2007 (66 -> 68)", ["Samjhauta Express", "Diwana", "18 February"], dict(killed=68, injured=13)),
    (IN, "Mumbai suburban train bombings, 11 July 2006", ["Mumbai", "11 July 2006", "Western Railway"], dict(killed=187, injured=800, qualifier="at least")),
    (IN, "Malegaon bicycle bombs near the Hamidia mosque, 8 September 2006", ["Malegaon", "8 September 2006", "Hamidia"], dict(killed=37, injured=125)),
    (BU, "FNL attack on the Gatumba transit camp, 13 August 2004 (152 -> 166)", ["Gatumba transit camp", "13 August 2004", "13 Aug 2004"], dict(killed=166, injured=106)),
    (BU, "Shooting at the Chez les Amis bar, Gatumba, 18 September 2011 (36 -> 39)", ["Chez les Amis", "18 September 2011", "18 Sep 2011"], dict(killed=39, injured=20)),
    (BU, "Attacks on the Ngagara, ISCAM and Mujejuru military sites, 11 December 2015 (four soldiers and four police; 79 attackers not counted)", ["Ngagara", "Mujejuru", "ISCAM", "11 December 2015", "11 Dec 2015"], dict(killed=8, injured=21)),
    (BU, "Attack on Ruhagarika, Buganda commune, Cibitoke, 11-12 May 2018 (table only)", ["Ruhagarika", "Cibitoke", "Buganda"], dict(killed=26, injured=7)),
    (NO, "Van bomb at the Hoyblokka, government quarter, Oslo, 22 July 2011 (7 -> 8)", ["government quarter", "Høyblokka"], dict(killed=8, injured=209)),
    (NO, "Shootings at the AUF summer camp on Utoya, 22 July 2011 (80 -> 84 -> 68 -> 69)", ["Utøya", "Tyrifjorden"], dict(killed=69, injured=33)),
    (SY, "Houla (Taldou) massacre, 25 May 2012 (92 -> 108)", ["Houla", "Taldou", "25 May 2012"], dict(killed=108)),
    (SY, "Mazraat al-Qubeir massacre, near Hama, 6 June 2012 (more than 100 -> 78)", ["Qubeir", "6 June 2012"], dict(killed=78)),
    (SY, "Assault on Tremseh, 12 July 2012 (more than 200 -> about 150)", ["Tremseh", "12 July 2012"], dict(killed=150, qualifier="about")),
    (SY, "Daraya killings, 20-25 August 2012", ["Daraya"], dict(killed=320, qualifier="at least")),
    (IQ, "Lorry bomb at the Sadriya market, Baghdad, 3 February 2007 (more than 80 -> 135)", ["Sadriya", "3 February 2007"], dict(killed=135, injured=339)),
    (IQ, "Lorry bombs in a Shia district of Tal Afar, 27 March 2007 (63 -> 152)", ["Tal Afar", "27 March 2007"], dict(killed=152, injured=347)),
    (IQ, "Reprisal shootings in Sunni neighbourhoods of Tal Afar, night of 27 to 28 March 2007", ["27 to 28 March", "Sunni neighbourhoods"], dict(killed=47, qualifier="at least")),
    (IQ, "Lorry bomb in the Amirli market, Salahuddin, 7 July 2007 (105 -> 150)", ["Amirli", "7 July 2007", "Salahuddin"], dict(killed=150, injured=250)),
    (IQ, "Four lorry bombs at Qahtaniya and al-Jazeera, Sinjar district, 14 August 2007 (175 -> 250 -> 500 -> 796)", ["Qahtaniya", "al-Jazeera", "Sinjar", "14 August 2007"], dict(killed=796, injured=1562)),
    (CA, "Stabbing at Commonwealth Stadium and truck attack on Jasper Avenue, Edmonton, September 30, 2017 (wounded only)", ["Edmonton", "Commonwealth Stadium", "Jasper Avenue", "September 30, 2017"], dict(injured=5)),
    (CA, "Van attack on Yonge Street, North York, Toronto, April 23, 2018 (10 -> 11)", ["Yonge Street", "North York", "April 23, 2018"], dict(killed=11, injured=16)),
    (CA, "Danforth Avenue shooting, Greektown, Toronto, July 22, 2018 (gunman not counted)", ["Danforth", "Greektown", "July 22, 2018"], dict(killed=2, injured=13)),
    (CA, "Truck attack on the Afzaal family, Hyde Park Road, London, Ontario, June 6, 2021", ["London, Ontario", "Hyde Park Road", "June 6, 2021"], dict(killed=4, injured=1)),
    (NR, "Jokela high school shooting, Tuusula, 7 November 2007 (six students, the nurse and the headmistress; gunman not counted)", ["Jokela", "Tuusula", "7 November 2007"], dict(killed=8, injured=13)),
    (NR, "Kauhajoki catering school shooting, 23 September 2008 (nine students and a teacher)", ["Kauhajoki", "23 September 2008"], dict(killed=10, injured=1)),
    (NR, "Knife attack on the market square and Puutori, Turku, 18 August 2017", ["Turku", "Puutori", "18 August 2017"], dict(killed=2, injured=8)),
    (NR, "Shooting at Campus Risbergska, Orebro, 4 February 2025 (about ten -> ten; gunman not counted)", ["Örebro", "Risbergska", "4 February 2025"], dict(killed=10, injured=6)),
    (ET, "Gawa Qanqa massacre, Guliso, West Wollega, 1 November 2020 (32 -> at least 54)", ["Gawa Qanqa", "Guliso", "1 November 2020", "2020-11-01"], dict(killed=54, qualifier="at least")),
    (ET, "Attack on Bekoji kebele, Bulen, Metekel, 23 December 2020 (more than 100 -> 207)", ["Bekoji", "Metekel", "23 December 2020", "2020-12-23"], dict(killed=207)),
    (ET, "Tole kebele massacre, Gimbi, West Wollega, 18 June 2022 (more than 200 -> 338)", ["Tole kebele", "Gimbi", "18 June 2022", "2022-06-18"], dict(killed=338)),
]

write_set("m", QA, GOLD, os.path.dirname(os.path.abspath(__file__)))
