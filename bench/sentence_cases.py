"""Hand-written news-style sentence cases: (text, the sentences it should split into).

Written for this bench (not taken from any data set) to cover what news text throws at a
sentence splitter: abbreviations, decimals, quotes, ellipses, initials, lists, headlines.
"""

from __future__ import annotations

CASES: list[tuple[str, list[str]]] = [
    # Abbreviations before a number or a name
    (
        "The Sleigh Bar is opening on Nov. 27, the day before Thanksgiving [2]. Tickets sell out fast.",
        ["The Sleigh Bar is opening on Nov. 27, the day before Thanksgiving [2].", "Tickets sell out fast."],
    ),
    ("The hearing was moved to Jan. 9. Lawyers objected.", ["The hearing was moved to Jan. 9.", "Lawyers objected."]),
    ("Results are due Oct. 3, officials said. Counting continues.", ["Results are due Oct. 3, officials said.", "Counting continues."]),
    ("The U.S. economy added jobs. Wages rose.", ["The U.S. economy added jobs.", "Wages rose."]),
    ("Troops left the U.S. base in 2021.", ["Troops left the U.S. base in 2021."]),
    ("Gen. Mark Hale spoke first. The panel listened.", ["Gen. Mark Hale spoke first.", "The panel listened."]),
    ("Dr. Ana Ruiz treated 40 patients. Two were children.", ["Dr. Ana Ruiz treated 40 patients.", "Two were children."]),
    ("Acme Inc. reported a loss. Its shares fell.", ["Acme Inc. reported a loss.", "Its shares fell."]),
    ("Voting opens at 7 a.m. and closes at 8 p.m. on Tuesday.", ["Voting opens at 7 a.m. and closes at 8 p.m. on Tuesday."]),
    ("The game starts at 8 p.m. ET. Fans are arriving.", ["The game starts at 8 p.m. ET.", "Fans are arriving."]),
    ("The Cardinals are from St. Louis. They won again.", ["The Cardinals are from St. Louis.", "They won again."]),
    ("Storms hit Ft. Worth on Monday. Power was cut.", ["Storms hit Ft. Worth on Monday.", "Power was cut."]),
    ("Hikers drove to Pt. Reyes. The fog lifted.", ["Hikers drove to Pt. Reyes.", "The fog lifted."]),
    ("Climbers reached Mt. Rainier's summit. One was hurt.", ["Climbers reached Mt. Rainier's summit.", "One was hurt."]),
    ("The team is ranked No. 3 in the poll. It plays Friday.", ["The team is ranked No. 3 in the poll.", "It plays Friday."]),
    ("The crowd was approx. five thousand people. Police agreed.", ["The crowd was approx. five thousand people.", "Police agreed."]),
    ("Sen. Ruth Park and Gov. Lee met. No deal was reached.", ["Sen. Ruth Park and Gov. Lee met.", "No deal was reached."]),
    ("Mr. Ma spoke. Shares rose 14%.", ["Mr. Ma spoke.", "Shares rose 14%."]),
    ("Ms. Diaz, 52, resigned. Mrs. Cole replaced her.", ["Ms. Diaz, 52, resigned.", "Mrs. Cole replaced her."]),
    ("Talks between the U.K. and the E.U. stalled. A new round begins soon.", ["Talks between the U.K. and the E.U. stalled.", "A new round begins soon."]),
    ("She moved to Washington, D.C. She joined the agency.", ["She moved to Washington, D.C.", "She joined the agency."]),
    ("Prices of milk vs. bread rose. Shoppers complained.", ["Prices of milk vs. bread rose.", "Shoppers complained."]),
    # Decimals, money and percentages
    ("The debt reached $6.4 trillion. Markets shrugged.", ["The debt reached $6.4 trillion.", "Markets shrugged."]),
    ("Inflation eased to 3.5% in May. Rates held.", ["Inflation eased to 3.5% in May.", "Rates held."]),
    ("Revenue was $2.75 billion, up 4.1 percent. Profit fell.", ["Revenue was $2.75 billion, up 4.1 percent.", "Profit fell."]),
    # Quotes
    ("“We will rebuild,” the mayor said. Crews began work.", ["“We will rebuild,” the mayor said.", "Crews began work."]),
    ("The coach was blunt. “We lost. That is all,” he said.", ["The coach was blunt.", "“We lost. That is all,” he said."]),
    ('She said: "It is over." Then she left.', ['She said: "It is over."', "Then she left."]),
    ("He paused. “Really?” a reporter asked.", ["He paused.", "“Really?” a reporter asked."]),
    ("Officials declined to comment.“It is under review,” one said.", ["Officials declined to comment.", "“It is under review,” one said."]),
    # Ellipses
    ("The bar ... is opening soon [1]. Lines are long.", ["The bar ... is opening soon [1].", "Lines are long."]),
    ("He waited... Then the results came.", ["He waited...", "Then the results came."]),
    # Initials
    ("J.R.R. Tolkien's letters sold at auction. Bids were high.", ["J.R.R. Tolkien's letters sold at auction.", "Bids were high."]),
    ("The book by J. K. Rowling topped charts. Sales doubled.", ["The book by J. K. Rowling topped charts.", "Sales doubled."]),
    # Lists and headlines
    ("Fed Raises Rates Again\nThe central bank acted on Wednesday.", ["Fed Raises Rates Again", "The central bank acted on Wednesday."]),
    ("What to know:\n- Schools close early.\n- Buses run late.", ["What to know:", "- Schools close early.", "- Buses run late."]),
    ("The plan has steps: 1. file early 2. pay online.", ["The plan has steps: 1. file early 2. pay online."]),
    # Question, exclamation, citations
    ("Will rates fall? Nobody knows! Traders wait.", ["Will rates fall?", "Nobody knows!", "Traders wait."]),
    ("Sales rose 8% [1]. Costs fell [2].", ["Sales rose 8% [1].", "Costs fell [2]."]),
    ("He was hurt. 12 people were hurt in all.", ["He was hurt.", "12 people were hurt in all."]),
]
