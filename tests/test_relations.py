"""The verifier checks what a quote says, not only its words: each pattern that once verified falsely, table-driven."""

from __future__ import annotations

from datetime import date

import pytest

from rag.citations import Checker
from rag.models import Passage
from rag.relations import conflict, missing_names, out_of_period, unstated_move

RACE = (
    "Kenya's Elias Kiprono broke the Harbour City Marathon course record on Sunday, winning in 2 hours 6 minutes. "
    "Ethiopia's Dawit Alemu finished second in 2:07:30 and Uganda's Moses Okello was third in 2:08:12.\n"
    "In the women's race, Ethiopia's Hiwot Bekele won her first major marathon in 2:21:58, pulling away from "
    "Kenya's Ruth Chebet over the final five kilometres.\n"
    "The wheelchair races were won by Tomás Reyes in 1:24:10 and Anna Kowalczyk in 1:38:55.\n"
    "Organisers said 18,420 runners finished the race, up from 16,900 last year."
)
ALIBABA = (
    "The announcement comes a week after Alibaba co-founder Jack Ma was seen meeting President Xi Jinping. "
    "Alibaba CEO Eddie Wu said the company would invest more in AI over the next three years than in the past decade. "
    "Shares in Hong Kong surged by 14% last week. The company did not give a date for the first data centre."
)


HEAT = (
    "Regional authorities declared a fire alert and, among other steps, banned open fires and agricultural burning in "
    "forest areas. Forecasters expect calmer, colder weather from Monday. Tencent said it would raise capital "
    "expenditure further this year. The range, first outlined by chief executive Mark Zuckerberg in a post, was "
    "repeated by chief financial officer Susan Li. For the full fiscal year, revenue was more than double the prior "
    "year's total."
)


FEE = "Organisers raised the entry fee from 80 euros to 95 euros this year. Grace Okafor won the race in 2023."


def passage(text: str, title: str) -> Passage:
    return Passage("d:0", "d", 0, 0, len(text), text, title, date(2025, 4, 7), "news", "", 0.5)


# (claim, passage text, title, verified, reason starts with)
CASES = [
    pytest.param("Tomás Reyes won the wheelchair race [1].", RACE, "Marathon", True, "", id="true-wheelchair"),
    pytest.param("Tomás Reyes won the men's race [1].", RACE, "Marathon", False, "qualifier", id="qualifier-men-vs-wheelchair"),
    pytest.param("Dawit Alemu finished second [1].", RACE, "Marathon", True, "", id="true-placing"),
    pytest.param("Dawit Alemu won the men's race [1].", RACE, "Marathon", False, "placing", id="placing-second-as-won"),
    pytest.param("Moses Okello finished second in the race [1].", RACE, "Marathon", False, "placing", id="placing-third-as-second"),
    pytest.param("Ruth Chebet won the women's race [1].", RACE, "Marathon", False, "placing", id="placing-given-to-another"),
    pytest.param("Hiwot Bekele won the women's race [1].", RACE, "Marathon", True, "", id="true-women"),
    pytest.param("Kiprono won the Harbour City Marathon [1].", RACE, "Marathon", True, "", id="true-winner-in-a-clause"),
    pytest.param("The number of finishers fell to 18,420 [1].", RACE, "Marathon", False, "direction", id="direction-up-as-down"),
    pytest.param("Jack Ma is the chief executive of Alibaba [1].", ALIBABA, "Alibaba invests", False, "role", id="role-co-founder-as-ceo"),
    pytest.param("Alibaba CEO Jack Ma met President Xi Jinping [1].", ALIBABA, "Alibaba invests", False, "role", id="role-ceo-before-name"),
    pytest.param("Alibaba co-founder Jack Ma met President Xi Jinping [1].", ALIBABA, "Alibaba invests", True, "", id="true-role"),
    pytest.param("Alibaba's shares fell 14% last week [1].", ALIBABA, "Alibaba invests", False, "direction", id="direction-fell"),
    pytest.param("Alibaba's shares surged 14% last week [1].", ALIBABA, "Alibaba invests", True, "", id="true-direction"),
    pytest.param("The company gave a date for the first data centre [1].", ALIBABA, "Alibaba invests", False, "negation", id="negation-dropped"),
    pytest.param("Eddie Wu said Alibaba would invest more in AI [1].", ALIBABA, "Alibaba invests", True, "", id="true-names"),
    pytest.param("Joe Tsai said Alibaba would invest more in AI [1].", ALIBABA, "Alibaba invests", False, "names", id="names-missing"),
    pytest.param("Jack Ma met President Xi Jinping after shares surged 14% [1].", ALIBABA, "Alibaba invests", False,
                 "", id="figure-two-sentences-away"),  # fmt: skip
    pytest.param("Regional authorities allowed open fires in forest areas [1].", HEAT, "Heat", False, "opposite", id="opposite-allowed-banned"),
    pytest.param("Regional authorities banned open fires in forest areas [1].", HEAT, "Heat", True, "", id="true-banned"),
    pytest.param("Forecasters expect warmer weather from Monday [1].", HEAT, "Heat", False, "opposite", id="opposite-warmer-colder"),
    pytest.param("Tencent said it would cut capital expenditure this year [1].", HEAT, "Heat", False, "", id="direction-cut-raise"),
    pytest.param("The range was first outlined by chief financial officer Susan Li in a post [1].", HEAT, "Heat", False,
                 "agent", id="agent-passive-swap"),  # fmt: skip
    pytest.param("Susan Li repeated the range [1].", HEAT, "Heat", True, "", id="true-passive-repeated-by"),
    pytest.param("Hopetoun recorded its highest temperature in February 2009 [1].",  # squad2-500, session 53
                 "Victoria's highest maximum temperature since World War II, of 48.8 C, was recorded in Hopetoun on 7 "
                 "February 2009.", "Climate", True, "", id="true-passive-with-no-doer-said"),  # fmt: skip
    pytest.param("Revenue for the whole fiscal year was more than double the previous year's total [1].", HEAT, "Heat", True, "",
                 id="true-qualifier-synonyms"),  # fmt: skip
    pytest.param("Kenya's Ruth Chebet pulled away from Ethiopia's Hiwot Bekele over the final five kilometres [1].", RACE,
                 "Marathon", False, "agent", id="agent-swap"),  # fmt: skip
    pytest.param("Nvidia's shares fell in after-hours trading [1].", "Shares fell sharply in after-hours trading.", "Cloud",
                 False, "names", id="names-first-word-possessive"),  # fmt: skip
    pytest.param("The entry fee was raised to 80 euros [1].", FEE, "Fees", False, "figure", id="figure-start-as-end"),
    pytest.param("The entry fee was raised from 80 to 95 euros [1].", FEE, "Fees", True, "", id="true-from-to"),
    pytest.param("The entry fee went up to 95 euros [1].", FEE, "Fees", True, "", id="true-end"),
    pytest.param("The race has been won by Okafor twice [1].", FEE, "Fees", False, "number", id="number-twice-unstated"),
    pytest.param("Margot Robbie won best actress [1].", "Yeoh is nominated for best actress, alongside Margot Robbie.",
                 "Globes: 'Banshees' wins best comedy", False, "unstated", id="unstated-win"),  # fmt: skip
    pytest.param("Grace Okafor won the race in 2023 [1].", FEE, "Fees", True, "", id="true-win"),
    pytest.param("Hunter Okafor said the course was fast [1].", "Grace Okafor said the course was fast.", "Race", False,
                 "names", id="names-namesake"),  # fmt: skip
    pytest.param("Okafor said the course was fast [1].", "Grace Okafor said the course was fast.", "Race", True, "",
                 id="true-family-name"),  # fmt: skip
    pytest.param("Jerome Powell said rates would stay high [1].", "Fed Chair Powell said rates would stay high.", "Fed",
                 True, "", id="true-title-before-family-name"),  # fmt: skip
    pytest.param("Joe Biden said the deal was done [1].", "Speaking in Delaware, Biden said the deal was done.", "Deal",
                 True, "", id="true-family-name-after-a-comma"),  # fmt: skip
    pytest.param("Labour won the election [1].", "Labour secured a landslide in the election.", "Vote", True, "",
                 id="true-win-in-other-words"),  # fmt: skip
    pytest.param("The city banned e-scooters [1].", "The city outlawed e-scooters in March.", "Scooters", True, "",
                 id="true-ban-in-other-words"),  # fmt: skip
    pytest.param("Sales were 10% higher compared to 2019 [1].", "Sales rose 10% from 2019 to 2023.", "Sales", True, "",
                 id="true-from-year-to-year"),  # fmt: skip
    pytest.param("Organisers were forbidden from raising the entry fee [1].", FEE, "Fees", False, "negation",
                 id="negation-forbidden-added"),  # fmt: skip
    # A year the quote lacks (the question's year is checked against the quote's day: see below).
    pytest.param("Elias Kiprono won the Harbour City Marathon in 2024 [1].", RACE, "Marathon", False, "number",
                 id="year-not-quoted"),  # fmt: skip
    pytest.param("Elias Kiprono won the Harbour City Marathon in 2025 [1].", RACE, "Marathon", True, "", id="true-year"),
    # Another's win in another division is not a placing against the claim's winner; the same division's is.
    pytest.param("Elias Kiprono won the Harbour City Marathon [1].", "The wheelchair races were won by Tomás Reyes.",
                 "Marathon", False, "", id="win-in-another-division-no-placing"),  # fmt: skip
    pytest.param("Anna Kowalczyk won the wheelchair race [1].", "The wheelchair race was won by Tomás Reyes.", "Marathon",
                 False, "placing", id="placing-same-division"),  # fmt: skip
    # A comparison needs a quote (or headline) naming both; their amounts, when given, decide it.
    pytest.param("Meta plans to spend more than Microsoft on AI [1].",
                 "Microsoft expects to spend roughly $80 billion on data centres, more than half in the United States.",
                 "Microsoft's AI plan", False, "names: Meta", id="unstated-comparison-one-name"),  # fmt: skip
    # The claim's subject must be in the passage too, though it opens the sentence.
    pytest.param("Nvidia plans to spend about $80 billion on AI data centres [1].",
                 "Microsoft expects to spend roughly $80 billion on data centres.", "Microsoft's AI plan", False, "names: Nvidia",
                 id="names-subject-opening-the-claim"),  # fmt: skip
    pytest.param("Meta plans to spend more than Microsoft on AI [1].",
                 "The guidance puts Meta alongside Microsoft, which plans to spend about $80 billion on AI data centres.",
                 "Meta confirms US$60-65bn capex plan", False, "comparison", id="comparison-headline-amount"),  # fmt: skip
    pytest.param("Microsoft plans to spend more than Meta on AI [1].",
                 "The guidance puts Meta alongside Microsoft, which plans to spend about $80 billion on AI data centres.",
                 "Meta confirms US$60-65bn capex plan", True, "", id="true-comparison-headline-amount"),  # fmt: skip
    # Winning one round reaches the next.
    pytest.param("Gauff reached the fifth round [1].", "Gauff beat Sabalenka in the third round on Friday.", "Open", False,
                 "ordinal", id="ordinal-two-rounds-on"),  # fmt: skip
]


@pytest.mark.parametrize(("claim", "text", "title", "verified", "reason"), CASES)
def test_checker_relations(claim, text, title, verified, reason):
    (checked,) = Checker([passage(text, title)], repair=False).check(claim).claims
    assert checked.verified is verified, checked.citations[0].reason
    if reason:
        assert checked.citations[0].reason.startswith(reason)


def test_quote_is_a_sentence_with_at_most_a_neighbour():
    (claim,) = Checker([passage(RACE, "Marathon")]).check("Dawit Alemu finished second [1].").claims
    c = claim.citations[0]
    assert c.quote == "Ethiopia's Dawit Alemu finished second in 2:07:30 and Uganda's Moses Okello was third in 2:08:12."
    (claim,) = Checker([passage(RACE, "Marathon")]).check("Kiprono broke the record on Sunday and Alemu was second [1].").claims
    c = claim.citations[0]  # the words are in two sentences: the quote is both, and no more
    assert c.quote.startswith("Kenya's Elias Kiprono") and c.quote.endswith("2:08:12.") and claim.verified


@pytest.mark.parametrize(
    ("claim", "quote", "reason"),
    [
        ("Microsoft acquired OpenAI.", "OpenAI acquired Microsoft.", "order"),
        ("Microsoft acquired OpenAI.", "OpenAI was acquired by Microsoft.", ""),
        ("Alibaba did not beat expectations.", "Alibaba's revenue surpassed analysts' expectations.", "negation"),
        ("Shares rose 14%.", "Shares rose 14% after falling 3% the day before.", ""),  # nearest the figure decides
        ("Shares fell 14%.", "Shares rose 14% after falling 3% the day before.", "direction"),
        ("Kiprono's record stands.", "Kenya's Elias Kiprono broke the course record.", ""),
        # "not clear when" doubts a detail; it does not deny the event
        ("The episode was pulled from the service.", "It was not clear when the episode was removed from the service.", ""),
        ("The episode was pulled from the service.", "The episode was not removed from the service.", "negation"),
        # "an analyst at X": X is where the role is held, not who holds it
        ("Harbourline Research analyst Priya Natarajan spoke.", "Priya Natarajan, a cloud analyst at Harbourline Research, spoke.", ""),
        ("Marcus Feld is an analyst at Harbourline Research.", "Priya Natarajan, a cloud analyst at Harbourline Research, spoke.", "role"),
        ("Jack Ma is the chief executive of Alibaba.", "Eddie Wu, chief executive of Alibaba Group, spoke.", "role"),
        # "New Zealand's prime minister": the possessive before a role is where it is held, as "of" is (realtimeqa)
        ("Jacinda Ardern served as New Zealand's prime minister since 2017.",
         "New Zealand's leader Jacinda Ardern is quitting her job as prime minister. "
         "(Finland's Sanna Marin is now the youngest serving prime minister.)", ""),
        ("Brad Smith is Microsoft's chief executive.", "Microsoft chief executive Satya Nadella spoke.", "role"),
        # A sentence with no name of its own ("He won", "The Kenyan won") speaks of the text's last one (a review)
        ("Gabriel Geay won the Boston Marathon.",
         "Gabriel Geay led until Evans Chebet pulled away late. The Kenyan won the Boston Marathon by 10 seconds.", "placing"),
        ("Evans Chebet won the Boston Marathon.",
         "Evans Chebet crossed the line first. He won the Boston Marathon ahead of Gabriel Geay, who was second.", ""),
        ("Jacinda Ardern is now prime minister.", "Jacinda Ardern handed over to Chris Hipkins on Wednesday. He is now prime minister.", "role"),
        # "Ardern's time as prime minister": the role is the possessive's own, not where it is held
        ("Jacinda Ardern was prime minister of New Zealand.", "Jacinda Ardern's time as prime minister ended when Chris Hipkins was sworn in.", ""),
        # "U.S." is "US", and "No. 8" is a number, not a name (realtimeqa)
        ("The U.S. embassy in Sudan was evacuated after fighting.", "The US embassy in Sudan was evacuated after fighting.", ""),
        ("The American embassy in Sudan was evacuated.", "The U.S. embassy in Sudan was evacuated on Sunday.", ""),
        ("Miami is the first No. 8 seed to win a series since 2012.", "The Miami Heat are the first No. 8 seed to win a series since 2012.", ""),
        # a clause of its own has its own doer: the company reported, not the officer named before "when"
        ("Finance chief Dana Roe repeated the outlook as Acme reported its results.",
         "The outlook was repeated by finance chief Dana Roe when the company reported its results.", ""),
        ("Dana Roe told analysts that Acme wanted more capacity.", "Dana Roe told analysts that the company wanted more capacity.", ""),
        # an -ing word before a noun describes it ("R1 reasoning model"); it is not a verb with a doer
        ("Acme's Lumo app offers the R1 reasoning model alongside Acme's Nova models.",
         "Acme's app Lumo offers both Acme's Nova models and the R1 reasoning model.", ""),
        # shares that rose or fell need a quote that speaks of shares, stock, prices or trading
        ("Baidu's shares rose after it unveiled Ernie 4.5.", "Baidu unveiled Ernie 4.5, a cheaper model.", "unstated"),
        ("Baidu's shares rose after it unveiled Ernie 4.5.", "Baidu's stock jumped after it unveiled Ernie 4.5.", ""),
        # "last" is "previous" (last year) or "final" (the last five kilometres); "first" is neither
        ("She pulled away over the last five kilometres.", "She pulled away over the final five kilometres.", ""),
        ("Revenue beat the previous year's total.", "Revenue beat the last year's total.", ""),
        ("Revenue beat the final quarter's total.", "Revenue beat the opening quarter's total.", "qualifier"),
        # an irregular past tense is its verb ("spent" is "spend"), and "$12bn" is the claim's "$12 billion"
        ("Acme's spending in 2023 came to about $12 billion.",
         "Acme expects spending of $15bn to $16bn in 2024, up from the roughly $12bn it spent in 2023.", ""),
        ("Acme's spending in 2024 came to about $12 billion.",
         "Acme expects spending of $15bn to $16bn in 2024, up from the roughly $12bn it spent in 2023.", "figure"),
        # an amount is given for a year: the claim's year must be the quote's (a user pass, 2026-12-05)
        ("Alphabet spent about USD 75 billion in 2024.",
         "Alphabet expects to spend about USD 75 billion on capital projects in 2025, above the USD 52.5 billion it spent in 2024.",
         "figure: the quote gives 75 for 2025, not 2024"),
        ("Alphabet's capex in 2023 was about USD 75 billion.", "Alphabet to spend about USD 75 billion on capex in 2025", "figure"),
        ("Alphabet expects to spend US$75 billion in 2025.", "Alphabet expects to spend about USD 75 billion in 2025.", ""),
        # a year is replaced only by a year: "2024" is not "the quote gives 76.8 there"
        ("Tencent's 2024 capex was more than three times the previous year's level.",
         "Capex reached 36.6 billion yuan in the fourth quarter, bringing the 2024 total to around 76.8 billion yuan, "
         "more than three times the previous year's level.", ""),
        # "US$" is a currency, not a name "US" the quote must hold
        ("Meta spent roughly US$39bn in 2024.", "Meta spent roughly $39bn in 2024.", ""),
        # more than against less than the same figure or share
        ("Less than half of the $80 billion will be spent in the United States.",
         "Smith said more than half of that amount would be invested in the United States.", "comparison"),
        # the quote gives the claim's amount to someone else, and the claim's holder another amount
        ("Microsoft expects to spend roughly $65 billion.",
         "Microsoft aims to spend around $80 billion, while Meta has guided to between $60 billion and $65 billion.",
         "figure"),
        ("Alibaba's shares surged by 14%.", "Alibaba's revenue rose 8%. Shares in Hong Kong surged by 14%.", ""),
        # a negating prefix: "ametrical" is not "metrical", "unprofitable" not "profitable" (squad2)
        ("Olivier Messiaen wrote metrical music using prime numbers.",
         "The French composer Olivier Messiaen used prime numbers to create ametrical music.", "negation"),
        ("The cloud unit was profitable in 2024.", "The cloud unit was unprofitable in 2024.", "negation"),
        ("The strike was illegal, the court said.", "The court said the strike was legal.", "negation"),
        ("The cloud unit was unprofitable in 2024.", "The cloud unit remained unprofitable in 2024.", ""),
        ("Acme improved its income forecast.", "Acme said its income forecast improved.", ""),
        ("Acme discovered a cover-up.", "A cover-up was discovered at Acme.", ""),
        # another ordinal for the same thing (squad2); an ordinal as an adverb counts nothing
        ("The hierarchy would collapse to its second level if the problem is NP-complete.",
         "If the problem is NP-complete, the polynomial time hierarchy will collapse to its first level.", "ordinal"),
        ("Nvidia's fourth-quarter revenue rose 78%.", "Nvidia's first-quarter revenue rose 78%.", "ordinal"),
        ("Nvidia's fourth-quarter revenue rose 78%.", "Revenue in the fourth quarter rose 78%, after a first-quarter rise.", ""),
        ("Bekele won her first major marathon.", "Hiwot Bekele won her first major marathon in 2:21:58.", ""),
        ("Acme first reported a loss in 2023.", "Acme's second report, in 2023, showed a loss.", ""),
        # a review's true claims: a verb of its own, both forms about different things, "not X", other occasions
        ("The factory closed in March.", "The company disclosed that the factory closed in March.", ""),
        ("The Hallstatt culture was discovered in the 6th century BC.",
         "The Hallstatt culture covered much of central Europe in the 6th century BC.", ""),  # squad2: not a negation
        ("Acme was disqualified from the tender.", "Acme was qualified for the tender.", "negation"),
        ("The parent company was profitable in 2024.", "The cloud unit was unprofitable in 2024, but the parent company was profitable.", ""),
        ("Many of the workers were uninsured.", "Many of the workers were not insured, the report found.", ""),
        ("The unrest spread to Lyon.", "Protests spread from Paris to Lyon and the rest of France.", ""),
        ("Macron is serving his second term.", "Macron was re-elected in 2022 after his first term.", ""),
        ("The Fifth Circuit upheld the ruling.", "The 5th Circuit upheld the ruling on Tuesday.", ""),
        ("Smith won the title for the second time.", "Smith won the title on Sunday, having won it for the first time in 2019.", ""),
        ("Revenue rose for the third quarter in a row.", "First-quarter revenue rose 5%, extending growth to three straight quarters.", ""),
        # another currency; a year's figure given for a quarter (a user pass); and a review's true claims
        ("Tencent spent about $36.6 billion in the fourth quarter.", "Capital expenditure reached about 36.6 billion yuan in the fourth quarter.",
         "figure: the quote gives 36.6 billion yuan"),
        ("Tencent's revenue for the full year 2024 rose 11%.",
         "Tencent reported fourth-quarter revenue of about 172.4 billion yuan, up 11% from a year earlier.", "figure"),
        ("China's reserves stood at $3.2 trillion.", "Reserves stood at 3.2 trillion U.S. dollars, while loans totalled 3.2 trillion yuan.", ""),
        ("Argentina raised the minimum wage to $296,832.", "The government raised the minimum wage to AR$296,832 (about $290) a month.", ""),
        ("The recall covers 12,000 pounds of beef.", "The firm is recalling about 12,000 lbs of beef and was fined $12,000.", ""),
        ("Brent averaged $80 a barrel in 2024.", "Brent averaged $80 a barrel over the year, slipping to $74 in the fourth quarter.", ""),
        ("Revenue rose 11% year-on-year in the fourth quarter.", "Fourth-quarter revenue rose 11% to 172.4 billion yuan.", ""),
        ("The average 30-year mortgage rate rose to 7%.", "The average 30-year fixed mortgage rate rose to 7% this week.", ""),
        # a third user pass: "ramps up" is no rise, a year's figure given for a quarter, "outside" for "in"
        ("Nvidia's gross margin rose in the current quarter.", "It expects gross margin to dip to roughly 71% as production ramps up.",
         "direction"),
        ("Nvidia reported revenue of $130.5 billion for its fiscal fourth quarter.",
         "For the full fiscal year 2025, revenue came to $130.5 billion.", "figure: the quote gives 130.5 for the whole year"),
        ("Microsoft will invest more than half of its $80 billion outside the United States.",
         "Smith said more than half of that amount would be invested in the United States.", "opposite"),
        ("Microsoft will invest more than half of its $80 billion in the United States.",
         "Smith said more than half of that amount would be invested in the United States.", ""),
        ("Meta plans to spend more on AI than Microsoft.",
         "Microsoft aims to spend around $80 billion, while Meta has guided to between $60 billion and $65 billion.", "comparison"),
        ("Microsoft plans to spend more on AI than Meta.",
         "Microsoft aims to spend around $80 billion, while Meta has guided to between $60 billion and $65 billion.", ""),
        # a fifth user pass, on a month of realtimeqa's articles: results, payers, labels, descriptors
        ("Iowa beat LSU 102-85 to win its first title.", "LSU has won its first title, overpowering Iowa with a 102-85 victory.", "result"),
        ("LSU beat Iowa 102-85 to win its first title.", "LSU has won its first title, overpowering Iowa with a 102-85 victory.", ""),
        ("The Boston Bruins beat the Florida Panthers 4-3 in Game 7.",
         "The Bruins' season came to an end with a 4-3 overtime loss to the Florida Panthers in Game 7.", "result"),
        ("The Florida Panthers beat the Boston Bruins 4-3 in Game 7.",  # "Game 7" is no figure the Panthers hold
         "The Bruins' season came to an end with a 4-3 overtime loss to the Florida Panthers in Game 7.", ""),
        ("Iowa beat LSU 79-72.", "LSU won the title, overpowering Iowa with a 102-85 victory.", ""),  # another game
        ("Dominion paid Fox News $787.5 million.", "Fox News agreed to pay Dominion Voting Systems $787.5 million.", "order"),
        ("Fox News paid Dominion $787.5 million.", "Fox News agreed to pay Dominion Voting Systems $787.5 million.", ""),
        ("UConn beat San Diego State 76-59 to win its fifth national championship.",
         "Most Outstanding Player Adama Sanogo had 17 points as UConn held off San Diego State 76-59 to win its fifth title.", ""),
        ("Jon Rahm won the Masters.", "Jon Rahm finished the second round two shots off leader Brooks Koepka.", ""),
        ("Lamar Jackson agreed to a five-year extension worth $260 million.",
         "The Baltimore quarterback has agreed to a five-year extension worth $260 million.", ""),
        ("Tencent reported revenue of 172.4 billion yuan.", "The owner of WeChat reported revenue of 172.4 billion yuan.", ""),
        ("The Masters purse is $18 million, up from $15 million.", "The purse is $18,000,000, up from $15 million.", ""),
        ("Wembanyama was the No. 1 pick.", "Wembanyama was the No. 1 pick, not the second.", ""),  # "No." is no negation
        # a seventh user pass (November 2022): results the other way round, and true claims read as contradicted
        ("Argentina beat Saudi Arabia 2-1 at the World Cup.",
         "Argentina fell to Saudi Arabia 2-1 in a thrilling match. At the half, Messi and company were up 1-0.", "result"),
        ("Argentina beat Saudi Arabia 2-1 in their Group C match.",
         "Argentina's 2-1 defeat by Saudi Arabia in their Group C match is the biggest upset in World Cup history.", "result"),
        ("England beat New Zealand 34-31 in the final.", "New Zealand defeated England 34-31 in Auckland.", "result"),
        ("New Zealand beat England 34-31 in the final.", "New Zealand defeated England 34-31 in Auckland.", ""),
        ("Saint Peter's upset Kentucky 85-79.", "Kentucky was upset by Saint Peter's 85-79 in overtime.", ""),
        ("Andy Biggs beat Kevin McCarthy 188-31.", "McCarthy won 188-31 against Arizona Rep. Andy Biggs.", "result"),
        ("Jiang Zemin died in Shanghai at the age of 96.",
         "He was 96. The former chief of the ruling Communist Party and state president died on Wednesday in Shanghai.", ""),
        ("DoorDash will cut about 1,250 corporate jobs.",
         "DoorDash said it will lay off about 1,250 corporate employees after growing its team too quickly. The cuts represent "
         "about 6% of its staff.", ""),
        ("The Cowboys' Thanksgiving win over the Giants drew 42 million viewers.",
         "The Dallas Cowboys' 28-20 win over the New York Giants on Thanksgiving Day attracted 42 million viewers.", ""),
        # a sixth user pass: the payer after a modal, an ordinal the quote gives another thing
        ("The Jets paid the Packers $40 million in dead cap charges.",
         "However Green Bay will also pay $40 million in dead cap charges to not have Rodgers on the roster.", "subject: the quote says Green Bay"),
        ("The Packers paid $40 million in dead cap charges.", "The Packers will also pay $40 million in dead cap charges.", ""),
        ("SpaceX will fly Starship's second test flight on April 20.",
         "SpaceX target April 20 for the second attempt at launching the first test flight of its Starship vehicle.", "ordinal"),
        ("SpaceX will make a second attempt at Starship's first test flight on April 20.",
         "SpaceX target April 20 for the second attempt at launching the first test flight of its Starship vehicle.", ""),
    ],
)
def test_relation_table(claim, quote, reason):
    got = conflict(claim, quote) or unstated_move(claim, quote)
    assert got.startswith(reason) if reason else got == ""


def test_missing_names_skip_the_first_word():
    assert missing_names("Shares of Alibaba rose.", "Alibaba stock rose") == []
    assert missing_names("Analysts said Joe Tsai spoke.", "Eddie Wu spoke") == ["Joe Tsai"]


@pytest.mark.parametrize(
    ("claim", "evidence", "missing"),
    [
        ("The balloon belonged to China.", "the suspected Chinese spy balloon", []),  # a country by its people's word
        ("Officials said Chinese diplomats protested.", "China protested.", []),  # and the other way
        ("She served eight years as Scotland's first minister.", "the Scottish first minister", []),
        ("The balloon belonged to China.", "the suspected Japanese spy balloon", ["China"]),
        ("He moved to America.", "he told us he moved", ["America"]),  # the pronoun "us" is not the U.S.
        ("The American embassy in Sudan was evacuated.", "The U.S. embassy in Sudan was evacuated.", []),  # "U.S." is "US"
        ("Officials said the U.S. economy added jobs.", "The American economy added jobs.", []),
        ("Officials said the US economy added jobs.", "The United States economy added jobs.", []),
        ("The major U. S. city is Los Angeles.", "Los Angeles schools closed.", []),  # initials alone name nothing
    ],
)
def test_a_place_is_named_by_its_demonym(claim, evidence, missing):
    assert missing_names(claim, evidence, named="Which country?") == missing


@pytest.mark.parametrize(
    ("question", "answer", "verified"),
    [
        ("True or false: Tomás Reyes won the wheelchair race?", "True [1].", True),
        ("True or false: Tomás Reyes won the men's race?", "True [1].", False),  # the statement is checked, relations too
        ("Who won the wheelchair race?", "True [1].", False),  # not a true-or-false question: nothing to check
        ("Tomás Reyes won the wheelchair race. True or false?", "True [1].", True),  # the statement may come first
        ("Elias Kiprono won the wheelchair race. True or False?", "True [1].", False),
        # Names and figures the answer repeats from its question need not be quoted again; what it adds must be.
        ("Which runner won the 2025 Harbour City Marathon men's race?", "Elias Kiprono won the 2025 Harbour City Marathon men's race [1].", True),
        ("Which runner won the 2025 Harbour City Marathon men's race?", "Joe Tsai won the 2025 Harbour City Marathon men's race [1].", False),
        # A year the quote gives none for: its race "on Sunday" is the article's, 2025, not the question's 2024.
        ("Who won the Harbour City Marathon in 2024?", "Elias Kiprono won the Harbour City Marathon in 2024 [1].", False),
        ("Who won the Harbour City Marathon in 2024?", "Elias Kiprono [1].", False),
        ("Who won the Harbour City Marathon in 2025?", "Elias Kiprono [1].", True),
        ("Who won the 2025 Harbour City Marathon?", "Elias Kiprono won the Harbour City Marathon [1].", True),
    ],
)
def test_answers_are_checked_with_their_question(question, answer, verified):
    (claim,) = Checker([passage(RACE, "Marathon")], question=question).check(answer).claims
    assert claim.verified is verified, claim.citations[0].reason


SPENDING = (
    "Alphabet's plan adds to a wave of AI budgets announced in recent weeks. Microsoft has said it aims to spend around "
    "$80 billion on AI-capable data centres in its fiscal year to June."
)


@pytest.mark.parametrize(
    ("question", "answer", "verified", "reason"),
    [
        # A name the answer repeats from its question must be in the quote or its headline, first word or not.
        ("How much is Apple investing in AI data centres?", "Apple plans to spend $80 billion on AI data centres [1].", False,
         "names: Apple"),
        ("How much is Microsoft investing in AI data centres?", "Microsoft aims to spend around $80 billion [1].", True, ""),
    ],
)  # fmt: skip
def test_a_name_taken_from_the_question_must_be_quoted(question, answer, verified, reason):
    (claim,) = Checker([passage(SPENDING, "Alphabet to spend $75 billion")], question=question).check(answer).claims
    assert claim.verified is verified, claim.citations[0].reason
    assert claim.citations[0].reason.startswith(reason)


@pytest.mark.parametrize(
    ("question", "quote", "declined"),
    [
        ("What did the 2007 IPCC report suggest had been decreasing?",
         "A study was published suggesting that temperatures and sea levels have been rising.", True),
        ("Why did Alibaba's shares fall?", "Alibaba's shares surged by 14% last week.", True),
        # a review's right answers: a cause's rise, the question's condition, no move at all, the move in other words
        ("Why did oil prices fall?", "Oil slid 4% after US crude inventories grew more than expected.", False),
        ("Which stocks rallied after Treasury yields fell?", "Tech stocks surged on Wednesday as Treasury yields slid.", False),
        ("Why did Biden drop out of the race?", "Biden ended his campaign in July as concerns about his age grew.", False),
        ("When will Apple launch the new iPhone this fall?", "Apple will launch the iPhone 17 in September, when sales typically jump.", False),
        ("What fell to a record low?", "Consumer confidence hit a record low in June as inflation surged.", False),
        ("Which high-rise collapsed in Bangkok?", "An unfinished 30-storey tower fell during the earthquake.", False),
        ("Which shares dropped the most?", "Shares in Acme jumped 12%.", True),
    ],
)  # fmt: skip
def test_an_answer_about_the_opposite_move_is_declined(question, quote, declined):
    from rag.models import Citation, Claim
    from rag.policy import reversed_move

    claims = [Claim(quote, (Citation(1, "c", "d", "Markets", "", None, quote, 0, 1, True),))]
    assert bool(reversed_move(question, claims)) is declined


@pytest.mark.parametrize(
    ("question", "answer", "declined"),
    [
        # SQuAD 2.0: the question's restriction turned into its denial (squad2-500, even ids)
        ("What do tumors express that are also found on normal cells?",
         "Tumors express antigens that are not found on normal cells.", True),
        ("Which drugs are approved for children under five?", "Regulators named two drugs that are not approved for children under five.", True),
        # answers: the premise denied in the main clause, a question that asks what is not, a yes/no question,
        # the denied words said again, a denial of other words
        ("What details did Alibaba give on the allocation of the funds?",
         "Alibaba did not provide specific details on the allocation of the funds.", False),
        ("Which team did not make the playoffs?", "The Jets, who did not make the playoffs, fired their coach.", False),
        ("Are the drugs approved for children?", "They are drugs that are not approved for children.", False),
        ("Who won the Boston Marathon?", "Reyes, who had never won the Boston Marathon before, won it on Monday.", False),
        ("Which company cut jobs this week?", "Acme, which did not report earnings, cut 500 jobs this week.", False),
    ],
)  # fmt: skip
def test_an_answer_that_names_a_thing_by_the_questions_words_denied_is_declined(question, answer, declined):
    from rag.models import Citation, Claim
    from rag.policy import denied_asked

    claims = [Claim(answer, (Citation(1, "c", "d", "News", "", None, answer, 0, 1, True),))]
    assert bool(denied_asked(question, claims)) is declined


@pytest.mark.parametrize(
    ("claim", "published", "dated"),
    [  # as of 2025-04-20, a Sunday: last week began on 7 April, last month on 1 March; three days' slack
        ("Alibaba said last week it would invest $50 billion.", date(2025, 2, 24), True),
        ("Alibaba said last week it would invest $50 billion.", date(2025, 4, 8), False),
        ("Alibaba said in the past week it would invest $50 billion.", date(2025, 3, 30), True),
        ("Last week Alibaba said it would invest $50 billion.", date(2025, 4, 4), False),  # within the slack
        ("Alibaba said last month it would invest $50 billion.", date(2025, 3, 3), False),
        ("Alibaba said last month it would invest $50 billion.", date(2025, 2, 24), True),
        ("Sales rose 3% from the previous week.", date(2025, 1, 6), False),  # the article's week before, not today's
        ('He said "last week was hard" after the vote.', date(2025, 1, 6), False),  # his words, his week
        ("Alibaba said it would invest $50 billion.", date(2024, 2, 24), False),  # no period: age says nothing
    ],
)
def test_a_claims_period_counts_back_from_the_as_of_date(claim, published, dated):
    reason = out_of_period(claim, published, date(2025, 4, 20))
    assert reason.startswith("dated: the claim says") is dated, reason


@pytest.mark.parametrize(
    ("claim", "text", "title", "verified"),
    [
        # a sixth user pass (April 2023): answers whose deed the quote never tells, its other words and figures all there
        ("Jack Teixeira was sentenced to 25 years in prison [1].",
         "Teixeira faces up to 25 years in prison if convicted, prosecutors said.", "Leak suspect stays in jail", False),
        ("Jack Teixeira received a 25-year prison sentence [1].",
         "Teixeira faces up to 25 years in prison if convicted, prosecutors said.", "Leak suspect stays in jail", False),
        ("Smartmatic was paid $2.7 billion to settle its defamation suit against Fox News [1].",
         "Smartmatic has filed a $2.7 billion defamation suit against Fox News.", "Fox News settlement", False),
        ("Dominion paid Fox News $787.5 million in the settlement [1].",  # who paid is not said
         "Fox News agreed to a settlement with Dominion Voting Systems for $787.5 million.", "Fox settles", False),
        ("Gloria Johnson was expelled from the Tennessee House [1].",  # the headline's deed is others'
         "Johnson was first elected to the Tennessee House in 2012.", "Lawmakers Pearson and Jones expelled by House GOP", False),
        ("Justin Jones was expelled from the Tennessee House [1].",  # ... and this one's
         "Jones was first elected to the Tennessee House in 2022.", "Justin Jones expelled by House GOP", True),
        ("Donald Trump pleaded guilty to 34 felony counts [1].",  # the headline's plea is "not guilty"
         "Well, it's 34 counts of falsifying business records.", "Trump pleads not guilty, Finland joins NATO", False),
        # the deed in other words
        ("Fox News paid Dominion $787.5 million [1].", "Fox News agreed to pay Dominion Voting Systems $787.5 million.", "Fox", True),
        ("Wanda Fisk was sentenced to 18 months in prison [1].",
         "Wanda Fisk will spend 18 months in federal prison after the judge imposed the term.", "Ex-treasurer", True),
        ("Mason Reilly was arrested on suspicion of arson [1].",
         "Deputies took Mason Reilly into custody on suspicion of arson Tuesday night.", "Barn fire", True),
        ("Dana Ames resigned as chief executive of Orbis [1].", "Dana Ames stepped down as chief executive of Orbis on Friday.",
         "Orbis", True),
        ("Grant Ashby bought the Seaside Surge for $2 billion [1].", "The Seaside Surge were sold to Grant Ashby for $2 billion.",
         "Surge", True),
        ("Paul Benning died at 84 [1].", "Actor Paul Benning passed away at 84 on Monday at his home.", "Paul Benning", True),
        # the deed told only as expected, urged, threatened, considered, declined, sought, ...
        ("Prime Minister Alan Greaves resigned [1].", "Prime Minister Alan Greaves is expected to resign within days.", "Greaves",
         False),
        ("Novacore bought Skyline Robotics [1].", "Novacore made a bid to buy Skyline Robotics on Wednesday.", "Novacore", False),
        ("A grand jury indicted Officer Sam Reyes [1].", "A grand jury declined to indict Officer Sam Reyes, the district attorney said.",
         "No charges", False),
        ("Authorities arrested Faye Monroe [1].", "Authorities issued a warrant for the arrest of Faye Monroe, who remains at large.",
         "Warrant", False),
        ("The Harmon Dam collapse killed 12 people [1].", "Engineers warned that a collapse of the Harmon Dam could kill 12 people.",
         "Dam report", False),
        # ... and the deed done after all, or a future the sentence itself tells
        ("Dana Kruger resigned on Friday [1].", "Dana Kruger, who had been expected to resign, stepped down on Friday.", "Kruger",
         True),
        ("Lionel Park was sentenced to 40 years in prison [1].", "Lionel Park will serve 40 years in prison, the judge ruled.",
         "Park", True),
        ("The zoning commission approved the stadium plan [1].", "The stadium plan got the go-ahead from the zoning commission.",
         "Stadium", True),
        ("Fox News agreed to pay Dominion $787.5 million [1].", "Fox News will pay Dominion $787.5 million.", "Fox", True),
        # words that only look like a deed
        ("The club paid tribute to Ray Lowe [1].", "The club honoured Ray Lowe, its longest-serving coach, with a tribute.", "Lowe",
         True),
        ("Orison Bank paid $22 million to customers who were charged improper fees [1].",
         "Orison Bank paid $22 million to customers over improper fees.", "Orison", True),
    ],
)
def test_a_deed_the_quote_never_tells(claim, text, title, verified):
    (checked,) = Checker([passage(text, title)], repair=False).check(claim).claims
    assert checked.verified is verified, checked.citations[0].reason
    if not verified:
        assert checked.citations[0].reason.startswith("unstated: the quote says")


@pytest.mark.parametrize(
    ("claim", "text", "title", "reason"),
    [
        # the seventh user pass (November 2022): each verified before
        ("Kevin McCarthy won 218 votes in the leadership vote [1].",
         "In January, McCarthy must win 218 votes, a majority of the entire House, to wield the speaker's gavel.",
         "McCarthy beats challenger", "unstated: the quote says 'must ... win', not that it happened"),
        ("McCarthy was nominated by the GOP [1].",
         "In the GOP's internal leadership elections, McCarthy only needs a simple majority to win his party's nomination for speaker.",
         "House leadership elections", "unstated: the quote says 'needs ... nomination', not that it happened"),
        ("Darrell Brooks was found guilty of driving into the crowd and was belligerent and disruptive at trial [1].",
         "Darrell Brooks was sentenced to life in prison for driving his SUV into a crowd of parade attendees. "
         "A jury found Brooks guilty last month on all 76 counts stemming from the attack.",
         "Brooks sentenced", 'unstated: the quote says nothing of "was belligerent and disruptive at trial"'),
        ("The Nets fired Steve Nash after the team opened the season 5-2 [1].",
         "The Brooklyn Nets fired Steve Nash as their head coach on Tuesday after a 2-5 start.", "Nets fire Nash",
         "figure: the quote says 2-5, not 5-2"),
        ("Ford is recalling about 520,000 Escape and Bronco Sport SUVs worldwide [1].",
         "Ford is recalling about 520,000 Ford Escape and Bronco Sport compacts in the United States.", "Ford recall",
         "scope: the quote says 'in the United States', not worldwide"),
        ("Lionel Messi scored the first goal against Saudi Arabia [1].",
         "Argentina's Lionel Messi celebrates scoring the opening goal against Mexico on November 26.",
         "Saudi Arabia vs Argentina", "names: the quote says against Mexico, not Saudi Arabia"),
        # ... and what they say when the quote does tell it
        ("Kevin McCarthy won the nomination with 188 votes [1].",
         "McCarthy won 188-31 against Arizona Rep. Andy Biggs to secure the nomination.", "McCarthy", ""),
        ("The Nets opened the season 2-5 [1].", "The Brooklyn Nets fired Steve Nash after a 2-5 start.", "Nets", ""),
        ("The Nuggets won Game 7 against the Timberwolves [1].",
         "The Nuggets won Game 7 against the Minnesota Timberwolves on Sunday.", "Nuggets", ""),
        ("Brooks was found guilty and sentenced to life [1].",
         "A jury found Brooks guilty on all 76 counts, and he was sentenced to life.", "Brooks", ""),
    ],
)  # fmt: skip
def test_the_seventh_passes_false_verifications(claim, text, title, reason):
    (checked,) = Checker([passage(text, title)], repair=False).check(claim).claims
    assert checked.verified is (not reason), checked.citations[0].reason
    if reason:
        assert checked.citations[0].reason == reason


def passage_of(text: str, title: str, published: date) -> Passage:
    return Passage("d:0", "d", 0, 0, len(text), text, title, published, "news", "", 0.5)


def assert_checked(claim: str, text: str, title: str, reason: str, day: date, embed=None) -> None:
    """A table row of a user pass or a blind set: the claim verifies on the passage when ``reason`` is empty, else it
    fails with exactly that reason (``embed``: checked with meaning too)."""
    (checked,) = Checker([passage_of(text, title, day)], embed, repair=False).check(claim).claims
    assert checked.verified is (not reason), checked.citations[0].reason
    if reason:
        assert checked.citations[0].reason == reason


@pytest.mark.parametrize(
    ("claim", "text", "title", "question", "reason"),
    [
        # the eighth user pass (October 2022): each verified before, or (the last three) a true claim not verified
        ("The Chicago Bulls beat the Cleveland Cavaliers 128-96 [1].",
         "Donovan Mitchell scored 32 points, and the Cleveland Cavaliers pounded Chicago 128-96 Saturday night.",
         "Cavaliers roll past Bulls", "", "result: the quote says Cleveland Cavaliers beat Chicago Bulls"),
        ("Liverpool beat Leeds 2-1 at home [1].",
         "A 2-1 defeat at home against Leeds on Saturday compounded a miserable start to the season for Liverpool.",
         "Liverpool", "", "result: the quote says Leeds won, not that Liverpool beat them"),
        ("The Green Bay Packers beat the Buffalo Bills 27-17 [1].",
         "Aaron Rodgers and his Green Bay Packers lost 27-17 on Sunday night against the Buffalo Bills.",
         "Packers struggles continue", "", "result: the quote says Buffalo Bills won, not that Green Bay Packers beat them"),
        ("Lewis Hamilton won the Mexican Grand Prix [1].",
         "Seven-time world champion Lewis Hamilton finished in second place, some 15 seconds behind the Dutchman.",
         "Verstappen wins Mexican Grand Prix", "", "placing: the quote gives Lewis Hamilton second, not won"),
        ("Royal Mail cut 6,000 jobs [1].", "Royal Mail said Friday that it could cut 6,000 jobs as it warned of a big loss.",
         "Royal Mail warns of job cuts", "", "unstated: the quote says 'could ... cut', not that it happened"),
        ("Kroger completed its acquisition of Albertsons [1].",
         "Kroger announced Friday that it plans to buy Albertsons in a nearly $25 billion deal.", "Kroger-Albertsons merger", "",
         "unstated: the quote says nothing of a completion"),
        ("The Associated Press [1].", "The Associated Press\n\nOSLO, Norway (AP) — This year's Nobel Peace Prize is going to "
         "jailed Belarus rights activist Ales Bialiatski, the award's judges said Friday.", "Nobel Peace Prize awarded",
         "Who won the Nobel Peace Prize last week?",
         "unstated: the quoted sentence 'The Associated Press' is a fragment, not a statement"),
        ("Lula da Silva won 50.90% of the vote in Brazil's 2018 presidential election [1].",
         "Lula da Silva won 50.90% of the vote and Bolsonaro received 49.10%, according to Brazil's electoral authority.",
         "Lula da Silva will return to Brazil's presidency", "What share of the vote did Lula da Silva win in Brazil's 2018 "
         "presidential election?", "number(s) 2018 not in the quoted sentence"),
        ("The final score was 128-96, and Donovan Mitchell scored 32 points [1].",
         "Donovan Mitchell scored 32 points, and the Cleveland Cavaliers pounded Chicago 128-96 Saturday night.",
         "Cavaliers roll past Bulls", "", ""),
        ("NASA's DART spacecraft changed the orbit of the asteroid Dimorphos by 32 minutes [1].",
         "Now, it takes Dimorphos 11 hours and 23 minutes to circle Didymos. The DART spacecraft changed the moonlet "
         "asteroid's orbit by 32 minutes.", "NASA's DART mission", "", ""),
        ("Merlin Entertainments announced a Peppa Pig theme park that will open in Texas in 2024 [1].",
         "Merlin Entertainments announced a Peppa Pig theme park that will open in Texas.", "Peppa Pig theme park",
         "Merlin Entertainments announced a theme park based on what show will open in Texas in 2024?", ""),
    ],
)  # fmt: skip
def test_the_eighth_passes_failures(claim, text, title, question, reason):
    (checked,) = Checker([passage_of(text, title, date(2022, 10, 30))], question=question, repair=False).check(claim).claims
    assert checked.verified is (not reason), checked.citations[0].reason
    if reason:
        assert checked.citations[0].reason == reason


@pytest.mark.parametrize(
    "claim, text, title, reason",
    [
        # the ninth pass (session 46): a verb given to another named right before it, and a prize the winner missed
        ("Amazon announced 10,000 job cuts [1].",
         "Amazon's news comes the same day Microsoft announced it would be reducing its workforce by 10,000 people.",
         "Tech companies lay off employees", "subject: the quote says Microsoft announced, not Amazon"),
        ("Beyonce won album of the year [1].",
         "Beyonce was egregiously passed over for album of the year for Renaissance in favor of Harry Styles' Harry's House.",
         "Grammys 2023", "negation: the quote says 'Beyonce was egregiously passed over for album of the year'"),
        ("Smith won the seat [1].", "Smith lost out on the seat to his Democratic rival by 300 votes.", "Election results",
         "negation: the quote says 'Smith lost out on the seat'"),
        ("Actor Devon Marsh pleaded no contest to a drunken driving charge [1].",
         'Devon Marsh, the actor best known for the police drama "Night Desk," pleaded no contest Tuesday to a misdemeanor '
         "drunken driving charge.", "Actor pleads no contest", ""),
        ("Tar won best editing [1].", "Tar lost out on best picture but won best editing.", "Oscars", ""),
        # the ninth user pass (December 2022): false claims supported, true answers declined
        ("France won the 2022 World Cup, defeating Argentina on penalty kicks [1].",
         "Argentina won the 2022 World Cup on Sunday, defeating France on penalty kicks after finishing tied 3-3.",
         "Argentina wins World Cup", "result: the quote says France was beaten (defeating France)"),
        ("Portugal defeated Morocco 1-0 [1].", "Morocco players celebrate after defeating Portugal 1-0 on Saturday.",
         "A culturally unique World Cup", "result: the quote says Portugal lost, not that it beat Morocco"),
        ("Herschel Walker defeated Raphael Warnock in Georgia's Senate runoff [1].",
         "In the final undecided Senate contest, Democratic Sen. Raphael Warnock of Georgia holds a narrow lead over "
         "Republican challenger Herschel Walker among those likely to vote in a runoff election Tuesday.", "CNN Poll: Warnock holds a narrow edge",
         "unstated: the quote says nothing of who won"),
        ("Tom Cruise received a Golden Globe nomination for best actor for Top Gun: Maverick [1].",
         'But even with a best picture nod from the Globes for "Top Gun," Cruise was curiously passed over for best actor.',
         "Golden Globes snubs", "negation: the quote says 'Cruise was curiously passed over for best actor'"),
        ("More than 200 people were killed in a pileup in Zhengzhou [1].",
         "One person was killed during a massive pileup involving more than 200 vehicles in the central Chinese city "
         "Zhengzhou on Wednesday.", "Zhengzhou pileup", "figure: the quote counts 200 vehicles, not 200 people"),
        ("The Senate rejected legislation to ban TikTok from US government devices [1].",
         "Some lawmakers are seeking to block TikTok in the United States. The U.S. Senate this week approved legislation "
         "to ban the use of the video platform on government devices.", "US TikTok bans",
         "opposite: the claim says 'rejected', the quote 'approved'"),
        ("Viktor Bout was returned to Russia after the exchange at Doha Airport [1].",
         "After the two prisoners walked past each other on the airport tarmac in Abu Dhabi, Viktor Bout was returned to "
         "Russia.", "Griner exchanged for Viktor Bout", "names: Doha Airport not in the quoted sentence"),
        ("Kevin McCarthy was elected speaker of the House [1].",
         "To become elected speaker, McCarthy can only afford to lose four votes when the House meets next month.",
         "Andy Biggs announces run for House speaker", "unstated: the quote says 'to ... elected', not that it happened"),
        ("Morocco lost to Portugal in the World Cup quarterfinal [1].",
         "Morocco beat Spain on penalties to reach the World Cup quarterfinals, but the North Africans will have to "
         "replicate their heroics if they want to get past Portugal.", "Morocco v Portugal preview", "unstated: the quote says nothing of a result against Portugal"),
        ('"Avatar: The Way of Water" [1].', "“Avatar: The Way of Water”", "Golden Globe nominations",
         "unstated: the quoted sentence '“Avatar: The Way of Water”' is a fragment, not a statement"),
        ("The Pacers won the game 135-126 [1].",
         "Buddy Hield made a 3-pointer three seconds into the game and added 25, and the Indiana Pacers beat the Cleveland "
         "Cavaliers 135-126 on Thursday night.", "Pacers top Cavs", ""),
        ("The magnitude of the Humboldt County earthquake was 6.4, and two people died [1].",
         "A 6.4 magnitude earthquake struck Northern California's Eureka area early Tuesday, leaving at least two people "
         "dead. The quake hit Humboldt County, home to 12,000 people in Fortuna.", "Eureka earthquake", ""),
        ("The Banshees of Inisherin leads the field with eight nominations [1].",
         'Whether Hollywood likes it or not, the Golden Globes are back, and dark comedy "The Banshees of Inisherin" leads '
         "the field with eight nominations.", "Golden Globes nominations", ""),
        ("Southwest Airlines canceled flights because of severe weather, state police said [1].",
         "Two people died in Oregon when trees fell on cars. All incidents were attributed to severe weather, state police "
         "said.\n\nSouthwest cancels more flights", "Winter storm live updates", "names: Southwest Airlines not in the quoted sentence"),
        ("Herschel Walker defeated Raphael Warnock in Georgia's Senate runoff [1].",
         "Super PACs spent $16 million more on Sen. Raphael Warnock than his challenger Herschel Walker in the run-up to "
         "their runoff election.\n\nGeorgia's Senate runoff will decide if Democrats have a 51-49 majority.",
         "Georgia runoff: Super PACs", "unstated: the quote says nothing of who won"),
        ("Tom Cruise received a Golden Globe nomination for best actor for Top Gun: Maverick [1].",
         'The Tom Cruise blockbuster sequel "Top Gun: Maverick" scored a nomination in the best drama category.',
         "Golden Globes 2023 nominations", "category: the quote says 'best drama', not 'best actor'"),
        ("Kevin McCarthy was elected speaker of the House [1].",
         "“I’ll get 218,” McCarthy told CNN, referring to the votes he’d need to become House speaker.",
         "House Republicans brace for doomsday scenario", "unstated: the quote says 'need ... votes', not that it happened"),
    ],
)  # fmt: skip
def test_the_ninth_passes_failures(claim, text, title, reason):
    assert_checked(claim, text, title, reason, date(2023, 2, 6))


@pytest.mark.parametrize(
    "claim, text, title, reason",
    [
        # the third blind set's gaps (session 47): spelt-out counts, doers by role, results without a score, bans undone
        ("Three people died in the flood [1].", "Three schools were closed by the flood, but no one was hurt, officials said.",
         "Flood closes schools", "figure: the quote counts Three schools, not Three people"),
        ("Harlow Foods will cut 30 jobs [1].", "Harlow Foods will close 30 of its shops next year, with the loss of 450 jobs.",
         "Harlow Foods to close shops", "figure: the quote counts 30 shops, not 30 jobs"),
        ("Fenwick governor Ada Lusk blocked the pipeline [1].",
         "Governor Ada Lusk praised the decision after the state regulator blocked the pipeline on Monday.", "Pipeline blocked",
         "subject: the quote says the state regulator blocked, not Fenwick governor Ada Lusk"),
        ("Fenwick governor Ada Lusk blocked the pipeline [1].", "Governor Ada Lusk blocked the pipeline on Monday.", "Pipeline blocked", ""),
        ("Corran beat Westley Town on penalties [1].",
         "Westley Town reached the final after beating Corran 4-2 on penalties following a 0-0 draw.", "Cup quarter-final",
         "result: the quote says Corran lost, not that it beat Westley Town"),
        ("Tallis won the regional netball title [1].",
         "Marbeck were crowned regional netball champions after a 51-44 win over Tallis on Sunday.", "Netball final",
         "result: the quote says Tallis was beaten (win over Tallis)"),
        ("Ivo Resk lost the race for governor [1].", "Ivo Resk, the former judge, won the race for governor by six points.",
         "Governor's race", "opposite: the quote says 'Ivo Resk, the former judge, won the race', not lost"),
        ("Ivo Resk won the race for governor [1].", "The former judge Ivo Resk won the race for governor of Fenwick by six points.",
         "Governor's race", ""),
        ("Fenwick's president pardoned reporter Lia Brandt [1].",
         "Reporter Lia Brandt was freed on Friday after a pardon from Fenwick's president, Olav Kerr.", "Reporter pardoned", ""),
        ("The poet's novel \"Tin Rivers\" won the Kessel Prize [1].",
         "The Kessel Prize went on Thursday to \"Tin Rivers\", the poet's second novel.", "Kessel Prize", ""),
        ("Marland lifted its ban on beef imports [1].", "Marland will again allow beef imports after the outbreak ended.", "Beef imports", ""),
        ("Marland lifted its ban on beef imports [1].", "Marland extended its ban on beef imports for a year.", "Beef imports",
         "opposite: the claim says 'lifted its ban', the quote 'extended its ban'"),
        ("The Assembly rejected the budget [1].", "Unions urged lawmakers to reject the budget, but the Assembly approved it on Tuesday.",
         "Budget vote", "opposite: the claim says 'rejected', the quote 'Assembly approved'"),
        ("The Assembly approved the budget [1].", "Unions urged lawmakers to reject the budget, but the Assembly approved it on Tuesday.",
         "Budget vote", ""),
        ("Greta Holm won the Marsby Open [1].", "Second seed Greta Holm was beaten in three sets by Ada Finch in the Marsby Open final.",
         "Marsby Open final", "result: the quote says 'Greta Holm was beaten', not that Greta Holm won"),
        ("Greta Holm won the Marsby Open [1].", "Greta Holm, beaten in last year's final, won the Marsby Open on Sunday.", "Marsby Open final", ""),
        ("Ebbing shareholders rejected the pay deal [1].", "An adviser urged investors to reject the pay deal, but Ebbing shareholders approved it.",
         "Pay deal vote", "opposite: the claim says 'rejected', the quote 'shareholders approved'"),
        ("Pia Marr approved the ferry contract [1].", "Transport Minister Pia Marr had opposed it, but the cabinet approved the ferry contract on Monday.",
         "Ferry contract", "subject: the quote says the cabinet approved, not Pia Marr"),
        # the tenth user pass (September 2022), in made-up words: results, votes, causes, requests, inquiries
        ("The Falcons beat the Rams 6-2 [1].", "Two late goals propelled the Corby Rams past the Dunmore Falcons 6-2 on Friday.",
         "Rams top Falcons", "result: the quote says Rams beat Falcons"),
        ("Linton beat Harrowby 31-7 in the opener [1].", "Saturday's 31-7 win in the opener against No. 9 Linton kept the streak alive.",
         "Week 1 winners", "result: the quote says Linton lost, not that it beat Harrowby"),
        ("Marland voters approved the new charter [1].", "Marland voters soundly rejected a new charter in a referendum on Sunday.",
         "Charter vote", "opposite: the claim says 'approved', the quote 'voters rejected'"),
        ("The singer died of Covid-19 [1].", "The singer died on Tuesday of a stroke unrelated to Covid-19, his family said.",
         "Singer dies", "negation: the quote says 'unrelated to Covid-19'"),
        ("Ada Vell was sentenced to six months in prison [1].",
         "The sentence was longer than either side had sought. Prosecutors asked the judge to sentence her to six months in prison.",
         "Vell sentenced", "unstated: the quote says 'asked ... sentence', not that it happened"),
        ("The autopsy concluded that the swimmer drowned [1].",
         "Investigators were conducting an autopsy to try to determine how the swimmer died. Photos showed the beach closed.",
         "Swimmer found dead", "unstated: the quote says 'were conducting', not what was found"),
        ("The regulator fined Harbourline 90 million euros [1].",
         "Tidemark was fined a record 90 million euros last year. The regulator's draft ruling on Harbourline is due in May.",
         "Harbourline fined", "figure: the quote gives 90 million euros to Tidemark, not Harbourline"),
        ("Sela Varn is the finance minister [1].", "Former finance minister Sela Varn criticised the budget on Monday.",
         "Budget row", "role: the quote says 'Former finance minister Sela Varn'"),
        ("The trade fair took place in Wendle in March [1].", "The trade fair is scheduled for March in Wendle, organisers said.",
         "Trade fair", "unstated: the quote says 'is scheduled for', not that it took place"),
    ],
)  # fmt: skip
def test_the_third_blind_sets_gaps(claim, text, title, reason):
    assert_checked(claim, text, title, reason, date(2023, 2, 6))


@pytest.mark.parametrize(
    ("claim", "text", "question", "reason"),
    [
        # a tuning-split question (realtimeqa-2023, April 2023), in made-up words: the question takes the win as done,
        # but the answer's winner is the news, and the quote only gives someone a chance of it
        ("Ivo Brandt won the 2031 Harlow Open [1].",
         "A rookie had a chance to become the 2031 Harlow Open champion. Turns out, however, it was Ivo Brandt who made "
         "a charge as Nils Ode fell away on Sunday.", "Which golfer won the 2031 Harlow Open?",
         "unstated: the quote says 'chance ... champion', not that it happened"),
        ("Mara Lind resigned this week [1].", "Mara Lind, leader for nine years, plans to resign in March.",
         "Which party leader resigned this week?", "unstated: the quote says 'plans ... resign', not that it happened"),
        ("Kestrel Mail cut 900 jobs [1].", "Kestrel Mail said on Friday that it could cut 900 jobs.",
         "Which company cut 900 jobs?", "unstated: the quote says 'could ... cut', not that it happened"),
        # the question names the doer: its detail is the news, and the deed told as planned still answers it
        ("Mara Lind resigned after nine years [1].", "Mara Lind, leader for nine years, plans to resign in March.",
         "Mara Lind resigned after how many years as leader?", ""),
        ("Kestrel Mail cut 900 jobs [1].", "Kestrel Mail said on Friday that it could cut 900 jobs.",
         "How many jobs did Kestrel Mail cut?", ""),
    ],
)  # fmt: skip
def test_a_question_takes_a_deed_as_done_only_of_whom_it_names(claim, text, question, reason):
    (checked,) = Checker([passage_of(text, "Harlow news", date(2031, 4, 10))], question=question, repair=False).check(claim).claims
    assert checked.verified is (not reason), checked.citations[0].reason
    if reason:
        assert checked.citations[0].reason == reason


@pytest.mark.parametrize(
    ("claim", "text", "title", "reason"),
    [
        # the fifth blind set (patterns-5), in other made-up words: scope, causes, records, futures, weaker deeds
        ("The flood plan was backed by all nine councils [1].", "The flood plan was backed on Monday by seven of the nine councils, with two abstaining.",
         "Flood plan backed", "unstated: the claim says 'all', the quote does not"),
        ("All nine councils backed the flood plan [1].", "The nine councils backed the flood plan on Monday after a short debate.",
         "Flood plan backed", ""),
        ("Tolls were lifted throughout the Ember Valley [1].", "Tolls were lifted on the northern roads of the Ember Valley on Friday.",
         "Tolls lifted", "unstated: the claim says 'throughout', the quote does not"),
        ("Brisco's sales rose because rents fell [1].", "Brisco's sales rose 8% in May despite a fall in rents, the company said.",
         "Brisco sales", "unstated: the quote says 'despite', not that it was the cause"),
        ("A gas leak was behind the Marlow blast [1].", "Investigators said they were looking into whether a gas leak was behind the blast in Marlow.",
         "Marlow blast", "unstated: the quote says 'whether', not that it was the cause"),
        ("The Marlow blast was caused by a gas leak [1].", "The blast in Marlow may have been linked to a gas leak, investigators said.",
         "Marlow blast", "unstated: the quote says 'may', not that it was the cause"),
        ("Pennick harbour handled its largest tonnage ever last year [1].",
         "Pennick harbour handled 3.1 million tonnes last year, its largest tonnage since 2008, the harbour board said.",
         "Harbour figures", "unstated: the quote says 'since 2008', not a record"),
        ("Arvel has the lowest jobless rate of any region [1].", "Arvel's jobless rate of 3.2% is among the lowest of any region, figures showed.",
         "Jobless figures", "unstated: the quote says 'among the lowest', not the claim's superlative"),
        ("Arvel has the lowest jobless rate of any region [1].",
         "Arvel's jobless rate of 3.2% is lower than in any other region except Tessin, figures showed.",
         "Jobless figures", "unstated: the quote says 'except', not the claim's superlative"),
        ("The Ostby fair will move to the docks next year [1].", "The Ostby fair may move to the docks next year if the council agrees.",
         "Ostby fair", "unstated: the quote says 'may ... move', not that it will happen"),
        ("Brightway Rail scrapped its night trains [1].", "Brightway Rail suspended its night trains for the winter on Monday.",
         "Night trains", "unstated: the quote says 'suspended', not 'scrapped'"),
        ("Calder Foods admitted mislabelling its soups [1].", "Calder Foods on Friday denied that it had mislabelled its soups.",
         "Soup labels", "opposite: the claim says 'admitted', the quote 'denied'"),
        ("A court found that Ivo Penn took bribes [1].", "Ivo Penn went on trial on Monday accused of taking bribes from a builder.",
         "Penn trial", "unstated: the quote says 'went on trial', not what was found"),
        ("The share of homes with fibre rose 9 percent [1].", "The share of homes with fibre rose 9 percentage points to 71% last year.",
         "Fibre figures", "figure: the quote says '9 percentage points', not 9 percent"),
    ],
)  # fmt: skip
def test_the_fifth_blind_sets_gaps(claim, text, title, reason):
    assert_checked(claim, text, title, reason, date(2031, 5, 6))


@pytest.mark.parametrize(
    ("claim", "text", "title", "reason"),
    [
        # the eleventh user pass (July 2022), in made-up words: each was verified before, or (reason "") refused
        ("Ines Harl scored the winning goal in the final [1].",
         "READ: 'Unreal' - Ines Harl's stunning back-heel goal sends Varnia into the final", "Final preview",
         "unstated: the quoted sentence 'READ: 'Unreal' - Ines Harl's stunning ba' is a fragment, not a statement"),
        ("Tom Bale died of natural causes [1].", "Bale's wife of 50 years, Ann, died last year.", "Actor Tom Bale dies at 90",
         "unstated: the quote says nothing of 'natural causes'"),
        ("A jury awarded the Penn family $40 million [1].",
         "The family's lawyer asked the jury on Tuesday to award his clients $40 million in damages.", "Penn trial",
         "unstated: the quote says 'asked ... award', not that it happened"),
        ("Streamflix gained 300,000 subscribers in the second quarter [1].",
         "It turns out that not everyone is watching Streamflix.  The streamer lost 300,000 subscribers in the three "
         "months ending June 30, its second-quarter report said.", "Streamflix",
         "direction: the claim says 'gained' for 300,000, the quote 'lost'"),
        ("The 30-year rate rose to 6.10% in the week ending May 4 [1].",
         "Rates dropped again. The 30-year rate averaged 6.10% in the week ending May 4, down from 6.25% the week before.",
         "Rates fall", "direction: the claim says 'rose' for 6.10, the quote 'down'"),
        ("Orbix agreed to buy Kelm Health for $9.2 billion [1].",
         "The Kelm Health deal is Orbix's biggest in years. Orbix agreed to buy chip maker Tandem in 2019 for $9.2 billion.",
         "Orbix deal", "figure: the quote gives $9.2 billion to Tandem, not Kelm Health"),
        ("The senate rejected the levy on Friday [1].", "The last levy lapsed in 2009, after the senate refused to renew it.",
         "Levy vote", "date: the quote tells of 2009, not of the week of 2031-05-06"),
        ("The world population will reach 9 billion by 2037 [1].",
         "The global population is expected to reach 9 billion by 2037, the agency said.", "Population", ""),
        ("Ada Roe won 140 votes and Ben Sill 110 in the final round of voting by Labour MPs [1].",
         "Roe won 140 votes and Sill got 110 votes in the final round, while Cy Tam with 90 votes lost out.", "Final two", ""),
        ("Ada Roe got 140 votes in the final round [1].",
         "Roe won 140 votes and Sill got 110 votes in the final round, while Cy Tam with 90 votes lost out.", "Final two", ""),
        ("Streamflix lost 300,000 subscribers in the second quarter [1].",
         "It turns out that not everyone is watching Streamflix.  The streamer lost 300,000 subscribers in the three "
         "months ending June 30, its second-quarter report said.", "Streamflix", ""),
    ],
)  # fmt: skip
def test_the_eleventh_passes_failures(claim, text, title, reason):
    assert_checked(claim, text, title, reason, date(2031, 5, 6))


@pytest.mark.parametrize(
    ("claim", "text", "title", "reason"),
    [
        # realtimeqa's tuning splits (questions 200-399), in made-up words: a win or a span of time the quote gives
        # to something else verified; a winner named by the place she is from was refused
        ("Ida Vell won the Lantern Award for best actress [1].",
         "Ida Vell ('The Quay') and Ros Mabry ('Tidewater') are going head-to-head for best actress, while Tom Adair "
         "('North Road') earned his first Lantern nod.", "Lantern Award nominations",
         "unstated: the quote says nothing of who won"),
        ("Ida Vell won the Lantern Award for best actress [1].",
         "She added, 'It took a while to get here.' The Lantern Awards nominations full list follows.", "Ida Vell",
         "unstated: the quote says nothing of who won"),
        ("The strike could last for about 15 years [1].",
         "Kelm writers will hit the picket lines on Tuesday for the first time in 15 years.", "Writers strike",
         "figure: the quote's 15 years is the time since (first time in 15 years), not how long"),
        ("A Keldorian woman won the Harrow Hill race after being knocked out [1].",
         "A 19-year-old woman from Keldoria won the women's race after being knocked out.", "Harrow Hill race", ""),
        ("Ida Vell took home the Lantern Award for best actress [1].",
         "Ida Vell took home the Lantern Award for best actress, while Tom Adair won best actor.", "Lantern Awards", ""),
        ("Pope Clement was the first pope to resign from the role in roughly 600 years [1].",
         "Pope Clement, the first pope in nearly 600 years to resign, died on Saturday.", "Pope Clement dies", ""),
        ("The field was the largest in the Harbour Marathon's 31-year history [1].",
         "It made the field the largest in the event's 31-year history.", "Harbour Marathon", ""),
        ("The Pilots selected Ade Moro with the No. 1 overall pick in the draft [1].",
         "The Pilots won the draft lottery and will have the right to make the No. 1 overall selection, likely Ade Moro.",
         "Pilots win lottery", "unstated: the quote says 'right ... selection', not that it happened"),
        ("Norway won the 2031 Song Contest [1].",
         "A Norwegian victory would mean the country had the right to host next year's contest.", "Song Contest",
         "unstated: the quote says nothing of who won"),
        ("Streamflix cracks down on sharing passwords in the U.S. with people outside their household [1].",
         "It could be days until Streamflix cracks down on sharing passwords with anyone who doesn't live in the same "
         "household in the United States. Streamflix said so.", "Streamflix crackdown", ""),
        ("Streamflix shares passwords with people outside the household [1].",
         "Streamflix does not share passwords with people outside the household.", "Streamflix",
         "negation: the quote is negative, the claim is not"),
        ("Harrow beat Penn Vale 56-17 in the opening round [1].",
         "Harrow beat St. Aldric 56-17 in the opening round before falling at South Marsh State 42-6.", "Harrow rolls",
         "names: the quote says against St. Aldric, not Penn Vale"),
        ("Ada Kell scored twice in Tuesday's 6-1 win against Norvania [1].",
         "Ada Kell scored two goals and gave three assists in a 6-1 rout of Norvania on Tuesday.", "Kell stars", ""),
        ("Kelmont is now allowing drivers to pump their own gas [1].",
         "It's unlikely that Kelmont will allow drivers to pump their own gas anytime soon.", "Kelmont gas",
         "unstated: the quote says 'will ... allow', not that it happened"),
        ("Norvania was shockingly knocked out of the Harbour Cup this week [1].",
         "Keldoria's players dropped to their knees after their Harbour Cup run ended in a shocking upset to Norvania.",
         "Harbour Cup", "result: the quote says Norvania won (upset to Norvania)"),
        ("The Pilots selected Ade Moro with the No. 1 overall pick [1].",
         "The Pilots took Ade Moro with the No. 1 overall pick on Thursday.", "Draft night", ""),
        # session 55, a user's pass over corpus/: five of the claim's six words, and no record anywhere
        ("Korvane reported record revenue last quarter [1].",
         "Korvane's stock has soared to a three-year high after the company reported an 8% increase in revenue for the "
         "last quarter. Its revenue reached 280 billion krona, surpassing analysts' expectations.", "Korvane to invest",
         "unstated: the claim says 'record', the quote tells no record"),
        ("Korvane reported record revenue last quarter [1].",
         "Korvane reported an 8% increase in revenue for the last quarter, its highest ever.", "Korvane results", ""),
        ("The Golden Seals routed the Harbour Panthers 9-3 to capture their first-ever Harbour Cup title [1].",
         "On Tuesday night the Golden Seals routed the Harbour Panthers 9-3 to capture the franchise's first league "
         "championship.", "Seals win", ""),
    ],
)  # fmt: skip
def test_the_twelfth_passes_failures(claim, text, title, reason):
    assert_checked(claim, text, title, reason, date(2031, 5, 6))


@pytest.mark.parametrize(
    ("claim", "text", "title", "reason"),
    [
        # session 56, a user's pass over a month of news (realtimeqa-2023's August 2022), in made-up words: a placing
        # read from "the second year in a row"; true claims refused for a pronoun's deed given to the team before it,
        # a share paired with the figure inside its "of", and a layoff under way told as planned
        ("Mara Venn finished second in the Kellport Grand Prix [1].",
         "Venn drove superbly to win the race for the second year in a row.", "Venn wins in Kellport",
         "unstated: the claim says 'second', the quote tells no one's second place"),
        ("Mara Venn finished second in the Kellport Grand Prix [1].",
         "Mara Venn finished second in the Kellport Grand Prix, 17.8 seconds behind Oda Pell.", "Pell wins in Kellport", ""),
        ("Tomas Reilly was runner-up at the Carrick Open [1].", "Tomas Reilly lost the Carrick Open final to Jan Oker.",
         "Oker wins Carrick Open", ""),
        ("Dale Ruddock finished his time as Pilots manager with a 211-287 record [1].",
         "The Harbour Pilots fired Dale Ruddock short of his 500th game for the Pilots. He finished with a 211-287 record.",
         "Pilots fire Ruddock", ""),
        ("Vexo is laying off more than 1,200 staffers, or 20% of its global employees [1].",
         "Vexo announced plans to lay off some 20% of its more than 6,400 global employees. The cuts will hit more than "
         "1,200 staffers.", "Vexo to cut 20% of staff", ""),
        ("Vexo laid off 1,200 staffers [1].", "Vexo announced plans to lay off 1,200 staffers.", "Vexo cuts",
         "unstated: the quote says 'plans ... lay', not that it happened"),
        # ... and a quarter's additions given as the total; an event named with the driver's nationality
        ("Streamflix has 14.4 million subscribers [1].",
         "Streamflix added 14.4 million new subscribers during its third quarter, the company said.", "Streamflix results",
         "figure: the quote's 14.4 is what was added or lost, not what there is"),
        ("Mara Venn won the Dutch Grand Prix [1].",
         "The Dutch driver started 14th. The win is Mara Venn's ninth grand prix victory of the season.",
         "Mara Venn comes from 14th to win Belgian Grand Prix", "names: the quote gives Belgian Grand Prix, not Dutch Grand Prix"),
    ],
)  # fmt: skip
def test_the_thirteenth_passes_failures(claim, text, title, reason):
    assert_checked(claim, text, title, reason, date(2031, 5, 6))


@pytest.mark.parametrize(
    ("claim", "text", "title", "reason"),
    [
        # session 57, from reading the report run's declined right answers, in made-up words: a role that is the
        # object of the subject's verb read as the subject's, and the GOP not named by "Republican"
        ("Parliament questioned the CEO of Vexo this week [1].",
         "Vexo CEO Ilse Marr is testifying before Parliament as calls grow to ban the app.", "Vexo chief testifies", ""),
        ("Ilse Marr is the CEO of Vexo [1].", "Vexo CEO Oda Pell is testifying before Parliament.", "Vexo chief testifies",
         "role: the quote gives chief executive to Vexo CEO Oda Pell, not Ilse Marr"),
        ("Ilse Marr became the CEO of Vexo [1].", "Vexo CEO Oda Pell is testifying before Parliament.", "Vexo chief testifies",
         "role: the quote gives chief executive to Vexo CEO Oda Pell, not Ilse Marr"),
        ("Dana Holt is the first to challenge Ray Vance in the GOP primary [1].",
         "Holt is the first Republican to step up and challenge Vance in the primary.", "Holt to run", ""),
        ("Dana Holt is the first to challenge Ray Vance in the GOP primary [1].",
         "Holt is the first to step up and challenge Vance in the primary.", "Holt to run", "names: GOP not in the quoted sentence"),
    ],
)  # fmt: skip
def test_the_fourteenth_passes_failures(claim, text, title, reason):
    assert_checked(claim, text, title, reason, date(2031, 5, 6))


@pytest.mark.parametrize(
    ("claim", "text", "title", "reason"),
    [
        # session 58, from squad2-500's even (tuning) half: an answer that copies its passage's sentence but keeps the
        # question's subject, a plain noun the passage uses of something else; in made-up words, through the checker
        # with MiniLM (which tells nouns far apart in meaning from another name for the same doers)
        ("Vellins usually drift toward the light [1].",
         "Hence quorbs usually drift toward the light, unlike medusae. Some reverse by beating their vellins backwards.",
         "Quorbs", "subject: the quote says quorbs drift, not Vellins"),
        ("Police arrested two men on Monday [1].", "On Monday, officers arrested two men, police in Trevik said.", "Arrests", ""),
        ("Exports fell 3% in March [1].", "In March, imports fell 3%, while exports were flat, the Trevik statistics office said.",
         "Trevik trade", ""),  # missed: MiniLM puts exports and imports as close as police and officers
        ("Oil fell 3% in March [1].", "In March, oil prices fell 3%, and oil demand eased.", "Oil slips", ""),
        ("Exports fell 3% in March [1].", "In March, the Trevik office said imports fell 3% and exports fell 3%.", "Trade", ""),
        ("Vexo rose 8% on Friday [1].", "On Friday, shares rose 8% after Vexo beat forecasts.", "Vexo jumps", ""),
    ],
)  # fmt: skip
def test_the_fifteenth_passes_failures(claim, text, title, reason, embedder):
    assert_checked(claim, text, title, reason, date(2031, 5, 6), embedder.embed)



@pytest.mark.parametrize(
    ("claim", "text", "title", "reason"),
    [
        # session 59, a user's pass over a month of news (each shown as verified or supported, or the last five, true,
        # refused); in made-up words. A loss the quote tells as a win
        ("Ada Pell lost Quenland's special election [1].",
         "Democrat Ada Pell coasted to victory in Quenland’s special election Tuesday, becoming its first woman in Congress.",
         "Pell wins special election", "opposite: the quote says 'Ada Pell coasted to victory in Quenland’s special election', not lost"),
        ("Ada Pell lost Quenland's special election [1].", "Democrat Ada Pell defeated Republican Tom Hale to become the first.",
         "", "opposite: the quote says 'Ada Pell defeated Republican Tom Hale', not lost"),
        # a link line's headline: "wins" is a win (it was read as counted wins, "the record for race wins")
        ("Tom Hale lost album of the year [1].", "Harbour Awards live:Tom Hale wins album of the year, Ada Pell breaks all-time record",
         "", "opposite: the quote says 'Tom Hale wins album', not lost"),
        ("Ada Pell won album of the year [1].", "Harbour Awards live:Tom Hale wins album of the year, Ada Pell breaks all-time record",
         "", "placing: the quote gives won to Tom Hale, not Ada Pell"),
        ("Ada Pell won album of the year [1].", "The best moments of the Harbour Awards, from Tom Hale's superfan to a stunned Jo Ames\n\n"
         "Tom Hale, who took home the trophy for album of the year, said there is no such thing as best.",
         "Pell album of the year snub proves the Harbours still ignore her", "unstated: the quote says nothing of who won"),
        ("Tom Hale lost album of the year [1].", "Tom Hale's 'Harbour House' wins album of the year", "",
         "unstated: the quote says nothing of a loss by Tom Hale"),
        ("Ada Pell lost the special election [1].",
         "Biden won the district by 35 points. That made Pell the favorite against Tom Hale, a pastor who lost to Ben Orr last year.",
         "", "unstated: the quote says nothing of a loss by Ada Pell"),
        ("Inflation in Quenland accelerated for the seventh straight month in January [1].",
         "Inflation in Quenland eased for the seventh straight month in January, the statistics office said.", "",
         "direction: the claim says 'accelerated', the quote 'eased'"),
        # who got whom in a trade
        ("The Pelmouth Rovers traded Ada Pell to the Ostbrook Owls [1].",
         "The Pelmouth Rovers are acquiring star forward Ada Pell in a blockbuster trade with the Ostbrook Owls, a source said.", "",
         "direction: the quote has Ada Pell go to Pelmouth Rovers, not Ostbrook Owls"),
        ("The Pelmouth Rovers acquired Tom Hale and Jo Ames from the Ostbrook Owls [1].",
         "The deal will send Tom Hale, Jo Ames, Ben Orr and four first-round picks to the Owls. The Rovers will be getting Ada Pell.",
         "", "direction: the quote has Jo Ames and Tom Hale go to Owls, not Pelmouth Rovers"),
        ("The Pelmouth Rovers acquired Tom Hale and Jo Ames from the Ostbrook Owls [1].",
         "Analyst Ben Orr wrote: \"The Rovers stole the show by acquiring Ada Pell from the Owls for Tom Hale, Jo Ames and four picks.",
         "", "direction: the quote has Jo Ames and Tom Hale go to Owls, not Pelmouth Rovers"),
        ("The Pelmouth Rovers acquired Tom Hale and Jo Ames from the Ostbrook Owls [1].",
         "Who did the Rovers trade for Ada Pell? For fans, this stings: Tom Hale and Jo Ames, two popular players, head to Ostbrook.",
         "", "direction: the quote has Jo Ames and Tom Hale go to Ostbrook, not Pelmouth Rovers"),
        ("The Pelmouth Rovers traded Ada Pell to the Ostbrook Owls [1].",
         "Sources said the Rovers were looking to deal Tom Hale to Ostbrook for Ben Orr. \"It's a business,\" Hale said.",
         "Pelmouth Rovers get Ada Pell in mega trade with Ostbrook Owls",
         "direction: the headline has Ada Pell go to Pelmouth Rovers, not Ostbrook Owls"),
        ("The Ostbrook Rovers acquired Ada Pell from the Pelmouth Owls [1].",
         "The Pelmouth Owls traded Ada Pell to the Ostbrook Rovers for two picks.", "", ""),
        # the game's score beside a halftime one
        ("The Ostbrook Owls beat the Pelmouth Rovers 38-35 in the final [1].",
         "The Pelmouth Rovers are your champions.\n\nThe team rallied from a 24-14 halftime deficit by scoring on every possession "
         "in a thrilling 38-35 win over the Ostbrook Owls in the final on Sunday.", "",
         "result: the quote says Ostbrook Owls lost, not that it beat Pelmouth Rovers"),
        ("Pelmouth beat Ostbrook 77-73 in the semifinal [1].",
         "It will face Ostbrook, which shocked No. 1 Pelmouth 77-73 in the other semifinal.", "",
         "result: the quote says Ostbrook beat Pelmouth"),
        ("Vexo's market share decreased while Orrin's market share increased [1].",
         "Vexo has increased its market share in the category, while Orrin has declined, according to the survey.", "",
         "direction: the claim says 'decreased' of Vexo, the quote 'increased'"),
        ("Ada Pell broke the league's all-time scoring record [1].",
         "Pell entered the game needing 36 points to break the league's all-time scoring record.", "",
         "unstated: the quote says 'needing ... break', not that it happened"),
        # the words the quote lacks are what its headline denies
        ("Ada Pell will seek reelection in 2024 [1].",
         "\"If (Pell) decides not to run, I will back Tom Hale,\" Jo Ames said. A brutal primary fight looms in 2024.",
         "Ada Pell, the longest serving senator, won't seek ...", "negation: the headline says 'won't seek'"),
        # a bare family name after another's full name is theirs
        ("Ben Orr [1].", "That starts with the King, Ada Orr, who won seven, and Jo Ames, who tied Orr with "
         "seven titles while winning the Harbour 400 twice.", "", "names: Ben Orr not in the quoted sentence"),
        # an accent the answer leaves out is the same name
        ("Zoe Marin won the wheelchair race [1].", "Zoë Marin won the wheelchair race in 1:32:10.", "", ""),
        ("Zoe Marin won the wheelchair race [1].", "Ada Pell won the wheelchair race, and Zoë Marin came second.", "",
         "placing: the quote gives Zoë Marin second, not won"),
        # a first minister is not the finance minister named beside her
        ("Ada Pell stepped down as Quenland's first minister [1].",
         "Tom Hale has emerged as the leading candidate to replace Ada Pell after the collapse of the campaign of finance "
         "minister Jo Ames.", "", "names: Quenland not in the quoted sentence"),
        ("The death toll from the Keldoria-Quenland earthquake rose to 25,401 [1].",
         "The death toll in Keldoria rose to 21,848 and, including parts of Quenland, to 25,401.", "", ""),
        ("The phone was still in its original box and was estimated to be worth $5,000 [1].",
         "Because it was an 8GB – not 4GB – and was still in its original box, it was estimated to be worth $5,000.", "", ""),
    ],
)  # fmt: skip
def test_the_sixteenth_passes_failures(claim, text, title, reason):
    assert_checked(claim, text, title, reason, date(2031, 2, 28))


def test_a_game_the_cited_passage_gives_the_other_way_is_not_re_pointed():
    """Session 59, the second user's pass, in made-up words: the answer's "[2]" states the result the other way, and
    it was re-pointed to a passage that holds only the question's words (the score is in its headline)."""
    title = "Owls first to win 50 games, clinch playoff berth with 116-104 win"
    won = "PELMOUTH – The Ostbrook Owls won for the fifth time in six games with a 116-104 victory over the Pelmouth Rovers."
    other = ("Pelmouth struggled to slow down Ada Pell on the defensive side, especially when she drew two first quarter "
             "fouls on Rovers center Tom Hale.")
    passages = [passage_of(won, title, date(2031, 3, 14)), passage_of(other, title, date(2031, 3, 14))]
    checker = Checker(passages, None, question="Which team did the Pelmouth Rovers beat 116-104?")
    assert checker.support("The Pelmouth Rovers beat the Ostbrook Owls 116-104.", 1, None).ok  # where repair would point
    (claim,) = checker.check("The Pelmouth Rovers beat the Ostbrook Owls 116-104 [1].").claims
    assert not claim.verified
    assert claim.citations[0].reason == "result: the quote says Pelmouth Rovers lost, not that it beat Ostbrook Owls"


@pytest.mark.parametrize(
    ("claim", "text", "title", "question", "reason"),
    [
        # session 60: the rest of the second user's pass (March 2023), and false answers of realtimeqa's tuning split,
        # each in made-up words. A number word inside a name is no figure ("Final Four"):
        ("Four Pelmouth players were drafted Monday [1].",
         "The Ostbrook Owls selected Ada Pell. The Pelmouth star led her team to three Final Four appearances.", "",
         "In total, how many Pelmouth players were drafted Monday?", "number(s) 4 not in the quoted sentence"),
        ("Pelmouth reached the Final Four [1].", "Pelmouth reached the Final Four on Sunday with a win over Ostbrook.", "", "", ""),
        # a year the question asks for is not the article's
        ("They last went on strike in 2031 [1].",
         "The Tallis Writers Union went on strike. Its members will walk out for the first time in 15 years.", "",
         "The Tallis Writers Union went on strike this week. In what year did they last strike?",
         "number(s) 2031 not in the quoted sentence"),
        ("The union went on strike in 2031 [1].", "The Tallis Writers Union went on strike on Tuesday.", "", "", ""),
        # "failed to" and "fell short of" deny
        ("The Ostbrook Owls failed to make the playoffs again [1].", "The Ostbrook Owls have ended the longest playoff drought in the league.", "", "",
         "negation: the claim is negative, the quote is not"),
        ("Ada Pell fell short of the league record for double-doubles [1].",
         "Ada Pell had her 32nd double-double of the season, which sets a league record.", "", "",
         "negation: the claim is negative, the quote is not"),
        ("The Ostbrook Owls reached the playoffs [1].", "The Ostbrook Owls failed to reach the playoffs for a 16th season.", "", "",
         "negation: the quote is negative, the claim is not"),
        ("The Tallis mission to orbit failed after the rocket launched from Pelmouth [1].",
         "The Tallis rocket experienced an anomaly and failed to reach orbit. It took off from Pelmouth.", "", "", ""),
        ("Northwind is being sued for failing to pay $136,250 in rent [1].",
         "Northwind is being sued for failing to pay $136,250 in rent at one of its offices in Pelmouth.", "", "", ""),
        # ... and a denied word agrees with a quote that says its opposite
        ("The Ostbrook Owls failed to win the title [1].", "The Ostbrook Owls lost the title game to the Rovers on Sunday.", "", "", ""),
        ("The Ostbrook Owls did not win the title [1].", "The Ostbrook Owls lost the title game to the Rovers on Sunday.", "", "", ""),
        # who beat whom "to win": the one who beat (the third user pass, August 2023)
        ("Quenland beat Keldoria 1-0 to win the Tallis Cup [1].", "Quenland beat Keldoria 1-0 to win the Tallis Cup on Sunday.", "", "", ""),
        ("Keldoria beat Quenland 1-0 to win the Tallis Cup [1].", "Quenland beat Keldoria 1-0 to win the Tallis Cup on Sunday.", "", "",
         "result: the quote says Quenland beat Keldoria"),
        ("Keldoria beat Quenland 6-1 on Tuesday [1].",
         "Only VAR prevented Quenland's Ada Pell from scoring a hat trick against Keldoria. She scored two goals and made "
         "three assists in a 6-1 rout on Tuesday.", "Ada Pell scores twice as Quenland routs Keldoria 6-1", "",
         "result: the headline says Quenland beat Keldoria"),
        ("Quenland beat Keldoria 6-1 on Tuesday [1].",
         "She scored two goals and made three assists against Keldoria in a 6-1 rout on Tuesday, Quenland's third win.",
         "Ada Pell scores twice as Quenland routs Keldoria 6-1", "", ""),
        ("The winning Tallis Lotto ticket was sold in Pelmouth [1].",
         "One player matched all six numbers in the Tallis Lotto drawing. The Quenland Lottery said the winning ticket "
         "was sold in Pelmouth.", "", "", ""),
        ("Northwind filed for bankruptcy [1].",
         "Northwind's stock price dipped more than 50% Friday after reports on the pending bankruptcy filing were published.",
         "", "", "unstated: the quote says 'pending ... filing', not that it happened"),
        ("The Rovers dropped to No. 3 in the league rankings [1].",
         "The Rovers' early exit at the Tallis Cup dropped the squad to No. 3 in the league rankings released Friday.", "", "", ""),
        # the rest of the third user pass (August 2023)
        ("Three Quenlanders were released in the prisoner swap [1].",
         "Three of the Quenland prisoners, all dual citizens, are Ada Pell, Jo Ames and Tom Hale. The identities of the two "
         "other Quenlanders have not been released.", "Prisoner swap: 5 Quenlanders released", "",
         "figure: the quote says 'Three of the Quenland prisoners', a part of them"),
        ("The Owls beat the Rovers 9-8 in 12 innings [1].",
         "Ada Pell hit a bases-loaded single with no outs in the 12th inning as the Owls rallied for a 9-8 win over the Rovers.",
         "", "", ""),
        ("Italy beat Keldoria 3-2 at the Tallis Cup [1].",
         "Keldoria, the 54th-ranked team in the world, stunned Italy with a 3-2 victory over the Italians at the Tallis Cup.", "", "",
         "result: the quote says Italy lost, not that it beat Keldoria"),
        ("Pelmouth beat Ostbrook City 3-0 [1].", "The Ostbrook striker scored twice as City eased to a 3-0 victory at Pelmouth.", "", "",
         "result: the quote says Pelmouth lost at home, not that it beat Ostbrook City"),
        ("A judge allowed Quenland to keep the buoys in the river [1].",
         "Quenland must remove – at least temporarily – the buoys placed in the river, a federal judge ruled Wednesday.", "", "",
         "opposite: the claim says 'keep', the quote 'remove'"),
        ("Ada Pell dropped out of the presidential race [1].",
         "Ada Pell and Jo Ames both drew some praise for their performances at the presidential debate in Pelmouth.", "",
         "Which candidate dropped out of the presidential race?", "unstated: the quote says nothing of a withdrawal"),
        ("Ada Pell dropped out of the presidential race [1].", "Ada Pell suspended her presidential campaign on Tuesday.", "",
         "Which candidate dropped out of the presidential race?", ""),
        ("The man has been described as armed with a knife and a gun, and has been reported to have escaped by "
         "crab-walking up a wall [1].",
         "Ben Orr crab-walked up a wall, blasted through razor wire and crossed a roof to escape from Pelmouth Prison.", "",
         "", "unstated: the quote does not say 'The man has been described as armed with a knife and a gun'"),
        ("Ada Pell scored three goals against Keldoria [1].",
         "Ada Pell starred against Keldoria as Quenland finished atop the group with three straight wins.", "", "",
         "figure: the quote counts three wins, not three goals"),
        ("The Pelmouth crowd fell short of the world record for a women's sporting event [1].",
         "The match drew 92,003 spectators, setting not only a league record for attendance, but the world attendance "
         "record for any women's sporting event.", "", "", "negation: the claim is negative, the quote is not"),
        ("The winning Tallis Lotto ticket was sold in Ostbrook, Keldoria [1].",
         "The Tallis Lotto said the winning ticket was sold in Pelmouth, Quenland, a city east of Ostbrook.", "", "",
         "names: Keldoria not in the quoted sentence"),
        ("Italy beat Keldoria 3-2 at the Tallis Cup [1].",
         "Italy's players wept after a shocking upset to Keldoria at the Tallis Cup. Keldoria stunned Italy with a 3-2 "
         "victory over the Italians.", "", "", "result: the quote says Italy lost, not that it beat Keldoria"),
        ("Quenland lost to Keldoria 6-1 on Tuesday [1].",
         "She scored two goals and made three assists against Keldoria in a 6-1 rout on Tuesday.",
         "Ada Pell scores twice as Quenland routs Keldoria 6-1", "", "result: the headline says Quenland beat Keldoria"),
        ("Northwind filed for bankruptcy [1].", "Other retailers have reached settlements in bankruptcy, Northwind said.", "", "",
         "unstated: the quote says nothing of a bankruptcy"),
        ("Three Quenlanders were released in the swap [1].",
         "Two of the five Keldorians who were freed had been convicted, while three others were awaiting trial. The five "
         "Quenlanders were moved to a hotel.", "", "", "figure: the quote counts 5 Quenlanders, not 3"),
        # the fourth user pass (October to December 2023)
        ("Northwind Air agreed to buy Tallis Air [1].", "Tallis Air agreed to acquire Northwind Air for about $1.9 billion.", "", "",
         "order: the quote says Tallis Air buy... Northwind Air, not the other way round"),
        ("The Ostbrook Owls won the 2031 Tallis Cup [1].",
         "Many have had the chance to join this list, such as Ada Pell, who won two Tallis Cups with the Ostbrook Owls and "
         "had a chance to win another with Pelmouth in 2026.", "", "",
         "unstated: the quote counts wins ('won two Tallis Cups'), not the 2031 one"),
        ("The Ostbrook Owls defeated the Pelmouth Rovers 21-17 [1].",
         "The Ostbrook Owls (9-1) defeated the Pelmouth Rovers (7-3), 21-17, at Tallis Stadium on Monday night.", "", "", ""),
        ("A player in Quenland won a $1.73 billion Tallis Lotto jackpot [1].",
         "ST. PELMOUTH — A player in Quenland won a $1.73 billion Tallis Lotto jackpot Wednesday night.", "", "", ""),
        # a role at another organisation; the first to do it is another
        ("Ada Pell is chief executive of Northwind [1].",
         "Dr Ada Pell, chief executive of the Quenland Space Agency, said: 'This research by Northwind will help.'", "", "",
         "role: the quote gives Ada Pell chief executive of the Quenland Space Agency, not of Northwind"),
        ("The Tallis Rovers were the first team in the league to clinch a playoff spot [1].",
         "The Ostbrook Owls are the first team in the league to clinch a spot in the postseason. They remain three games "
         "ahead of the Tallis Rovers.", "", "", "first: the quote says the Ostbrook Owls are the first to 'clinch', not the Tallis Rovers"),
    ],
)  # fmt: skip
def test_the_second_march_passes_rest(claim, text, title, question, reason):
    (checked,) = Checker([passage_of(text, title, date(2031, 4, 10))], None, repair=False, question=question).check(claim).claims
    assert checked.verified is (not reason), checked.citations[0].reason
    if reason:
        assert checked.citations[0].reason == reason
