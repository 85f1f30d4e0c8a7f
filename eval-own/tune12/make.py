# Writes qa.jsonl, casualties.json and intended.json for tune12. Run from anywhere: python3 make.py
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tools"))
from write_set import write_set  # noqa: E402

PA, AI, LY, ML, US, IL = ('port-arthur-log.md', 'airindia-judgment.md', 'libya-written-answer.md',
                          'mali-flash.html', 'us-synagogues-assessment.md', 'israel-1994-monitoring.txt')

# (question, intended brief or None, any_of)
QA = [
    # Port Arthur: police operations log
    ("how many people were killed in the port arthur massacre?", PA, ["thirty-five people killed and 23 wounded"]),
    ("How many died inside the Broad Arrow Cafe?", PA, ["20 dead in the Broad Arrow Café"]),
    ("who was the port arthur gunman", PA, ["later identified as Martin Bryant"]),
    ("where were the two nubeena cops when the shooting started", PA, ["are at Saltwater River", "attending a report of drugs"]),
    ("what sentence did bryant get?", PA, ["35 terms of life imprisonment"]),
    ("what was the name of the woman shot dead at the port arthur general store?", None, None),
    ("How many people were wounded inside the Broad Arrow Cafe itself?", None, None),
    # Air India: court-judgment summary
    ("how many people died on air india flight 182?", AI, ["All 329 people on board were killed"]),
    ("How many baggage handlers were killed by the bomb at Narita?", AI, ["killing two Japanese baggage handlers"]),
    ("why did the sikh militants bomb air india - what was the motive?", AI, ["assault on the Golden Temple"]),
    ("was anyone ever convicted over the air india bombing?", AI, ["the only person convicted over the bombings"]),
    ("what was the name of the captain of air india flight 182?", None, None),
    # Libya: parliamentary written answer
    ("lockerbie bombing total death toll", LY, ["270 people in all"]),
    ("how many people on the ground died at lockerbie?", LY, ["11 residents of Sherwood Crescent"]),
    ("When was Megrahi convicted?", LY, ["On 31 January 2001 the Scottish court"]),
    ("how many were hurt in the 1984 heathrow terminal 2 bomb", LY, ["at Heathrow injured 22 people"]),
    ("What was the final toll of the La Belle disco bombing in Berlin?", LY, ["three dead and 229 injured"]),
    ("how many americans were among the lockerbie dead?", None, None),
    ("How much compensation did Libya pay the families of the UTA 772 victims?", None, None),
    # Mali: humanitarian flash update (.html)
    ("how many people were killed in sobane da?", ML, ["35 people killed, including 24 children"]),
    ("what was the first death toll the malian govt gave for sobane da", ML, ["95 dead and 19 missing"]),
    ("How many died in Yoro on 17 June 2019?", ML, ["24 people killed in Yoro"]),
    ("koulogon attack jan 2019 - how many civilians killed?", ML, ["they killed 37 civilians"]),
    ("where did people flee to after the yoro and gangafani attacks?", ML, ["750 people fled to Dinangourou"]),
    ("how many people were wounded in the sobane da massacre?", None, None),
    # US synagogues: threat assessment with a table
    ("how many people did the tree of life shooter kill?", US, ["killed 11 worshippers aged 54 to 97"]),
    ("who was killed in the poway synagogue shooting", US, ["Lori Gilbert-Kaye, 60, was killed"]),
    ("were any of the colleyville hostages hurt?", US, ["all four hostages were free and unharmed"]),
    ("What happened to the two Jersey City shooters?", US, ["Both attackers were killed"]),
    ("what was the name of the man who attacked the hanukkah party in monsey?", None, None),
    ("What was the name of the detective killed at Bay View Cemetery?", None, None),
    # Israel 1994: monitoring digest of translated broadcasts (.txt)
    ("how many were killed in the hebron mosque massacre in 1994?", IL, ["twenty-nine worshippers killed and 125 wounded"]),
    ("who carried out the cave of the patriarchs shooting?", IL, ["named as Baruch Goldstein, a physician"]),
    ("why did hamas bomb the bus in afula", IL, ["in revenge for the Hebron massacre"]),
    ("who claimed the dizengoff st bus bombing in tel aviv?", IL, ["attack for the Izz al-Din al-Qassam Brigades"]),
    ("final death toll of the 1994 dizengoff bus bombing", IL, ["risen to twenty-two dead"]),
    ("what was the name of the hadera suicide bomber?", None, None),
    # Off-topic
    ("how do I export my calendar to outlook?", None, None),
    ("What's the capital of Australia?", None, None),
    ("suggest a good name for a golden retriever puppy", None, None),
]

GOLD = [
    (PA, "Shooting in the Broad Arrow Café and its gift shop, Port Arthur Historic Site, 28 April 1996", ["Broad Arrow Café"], dict(killed=20)),
    (PA, "Shooting in the car park and beside the coaches, Port Arthur Historic Site", ["car park", "coaches"], dict(killed=4)),
    (PA, "Mother and two daughters shot on Jetty Road (\"a woman and two small girls\")", ["Jetty Road"], dict(killed=3)),
    (PA, "Four occupants of a gold BMW shot at the tollbooth", ["tollbooth", "gold BMW"], dict(killed=4)),
    (PA, "Woman shot dead at the Port Arthur General Store", ["General Store"], dict(killed=1)),
    (PA, "Shots at passing cars on the Arthur Highway near Seascape; four wounded motorists reach the Fox and Hounds (wounded only)", ["Arthur Highway", "Fox and Hounds"], dict(injured=4)),
    (PA, "Seascape guest house: the owners and the hostage killed", ["Seascape"], dict(killed=3)),
    (PA, "Port Arthur massacre overall, 28-29 April 1996 (toll 32 -> 35; gunman not counted)", ["Port Arthur", "28 April 1996"], dict(killed=35, injured=23)),
    (AI, "Bombing of Air India Flight 182 (Emperor Kanishka) off the south-west coast of Ireland, 23 June 1985", ["Flight 182", "Emperor Kanishka"], dict(killed=329)),
    (AI, "Suitcase bomb in the baggage area at Narita airport, Tokyo, 23 June 1985", ["Narita"], dict(killed=2, injured=4)),
    (LY, "Bombing of Pan Am Flight 103 over Lockerbie, 21 December 1988 (259 on board and 11 on the ground)", ["Lockerbie", "Pan Am Flight 103", "Sherwood Crescent"], dict(killed=270)),
    (LY, "Shots from the Libyan People's Bureau, St James's Square, London, 17 April 1984", ["St James's Square", "Libyan People's Bureau", "17 April 1984"], dict(killed=1, injured=10)),
    (LY, "Bomb in the Terminal 2 baggage hall, Heathrow, 20 April 1984 (wounded only)", ["Terminal 2", "baggage hall"], dict(injured=22)),
    (LY, "Bombing of the La Belle discotheque, West Berlin, 5 April 1986 (first reports 2 dead, at least 120 injured)", ["La Belle", "West Berlin", "5 April 1986"], dict(killed=3, injured=229)),
    (LY, "Bombing of UTA Flight 772 over the Ténéré desert, Niger, 19 September 1989", ["UTA Flight 772", "Ténéré", "19 September 1989"], dict(killed=170)),
    (ML, "Attack on the Dogon village of Sobane Da (Sobane-Kou), 9-10 June 2019 (toll revised 95 -> 35)", ["Sobane Da", "Sobane-Kou"], dict(killed=35)),
    (ML, "Attack on Yoro, Koro cercle, 17 June 2019", ["Yoro"], dict(killed=24)),
    (ML, "Attack on Gangafani 2, Koro cercle, 17 June 2019", ["Gangafani 2"], dict(killed=17)),
    (ML, "Attacks on Yoro and Gangafani 2, 17 June 2019, overall (government's provisional 38, MINUSMA 41)", ["Yoro", "Gangafani 2", "17 June"], dict(killed=41)),
    (ML, "Attack on the Fulani village of Koulogon, Bankass cercle, 1 January 2019", ["Koulogon"], dict(killed=37)),
    (US, "Shooting at the Tree of Life synagogue, Squirrel Hill, Pittsburgh, 27 October 2018", ["Tree of Life", "Squirrel Hill"], dict(killed=11, injured=6)),
    (US, "Shooting at the Chabad of Poway synagogue, California, 27 April 2019", ["Poway"], dict(killed=1, injured=3)),
    (US, "Killing at Bay View Cemetery and attack on the JC Kosher Supermarket, Jersey City, 10 December 2019 (two attackers killed, not counted)", ["Jersey City", "JC Kosher Supermarket", "Bay View Cemetery"], dict(killed=4, injured=3)),
    (US, "Machete attack at a Hanukkah party, Forshay Road, Monsey, 28 December 2019 (five wounded; one died in March 2020)", ["Monsey", "Forshay Road"], dict(killed=1, injured=4)),
    (IL, "Shooting of worshippers in the Cave of the Patriarchs (Ibrahimi Mosque), Hebron, 25 February 1994 (gunman not counted)", ["Cave of the Patriarchs", "Ibrahimi Mosque", "25 Feb 94"], dict(killed=29, injured=125)),
    (IL, "Palestinians shot dead in clashes with troops outside Hebron's main hospital, 25 February 1994", ["main hospital"], dict(killed=6)),
    (IL, "Car bomb beside an Egged bus in the centre of Afula, 6 April 1994", ["Afula", "6 Apr 94"], dict(killed=8, injured=55)),
    (IL, "Suicide bombing on a bus at Hadera central bus station, 13 April 1994 (bomber not counted)", ["Hadera", "13 Apr 94"], dict(killed=5, injured=30)),
    (IL, "Suicide bombing of the No. 5 bus on Dizengoff Street, Tel Aviv, 19 October 1994 (toll 13 -> 22; bomber not counted)", ["Dizengoff Street", "Dizengoff Square", "19 Oct 94"], dict(killed=22, injured=45)),
]

write_set("r", QA, GOLD, os.path.dirname(os.path.abspath(__file__)))
