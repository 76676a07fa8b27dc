"""The text of the synthetic literature set (make_papers.py typesets it). Invented papers about
inter-organisational collaboration between health-care providers, written to carry CMOCs the
sample codebook names (trust, faith, conflict, legitimacy, quick wins, interoperable IT ...).
"""

PAPERS = [
    {
        "file": "paper-01-hartley-2017-trust-alliances.pdf",
        "journal": "Journal of Health Partnerships \u00b7 Volume 9 \u00b7 2017",
        "short": "Hartley & Osei \u00b7 Trust in hospital alliances",
        "title": "Trust before structure: how hospital alliances survive their first two years",
        "authors": ["Margaret Hartley", "Kwame Osei"],
        "affiliation": "Centre for Health Systems Research, University of Northmoor",
        "abstract": (
            "Alliances between acute hospitals are promoted as a light-touch alternative to "
            "mergers, yet many dissolve within three years. We followed four alliances in "
            "England through 62 interviews and 40 board papers. Alliances that survived had "
            "built interpersonal trust between clinical leaders before they built governance "
            "structures; those that began with contracts and committees reported compliance "
            "without commitment and drifted apart."
        ),
        "sections": [
            ("1. Introduction", [
                "Policy makers have encouraged hospitals to collaborate rather than compete "
                "for more than a decade. The alliance, a voluntary agreement between "
                "organisations that keep their own boards, has become the most common form. "
                "Its appeal is obvious: partners share services and expertise without the cost "
                "and disruption of a merger. Its weakness is equally obvious. Nothing holds an "
                "alliance together except the willingness of its members to keep working at it.",
                "Earlier studies explain dissolution by misaligned incentives and by the "
                "absence of a shared budget. Those accounts leave open why alliances facing the "
                "same incentives fare so differently. We ask what the surviving alliances did "
                "in their first two years that the others did not.",
            ]),
            ("2. Methods", [
                "We used a realist evaluation design. Sixty-two semi-structured interviews "
                "were held with chief executives, medical directors, nurses and commissioners "
                "across four alliances between 2014 and 2016. Board papers and memoranda of "
                "understanding were read alongside the transcripts. We coded each transcript "
                "for contexts, mechanisms and outcomes, and built context-mechanism-outcome "
                "configurations that were tested against every alliance in turn.",
            ]),
            ("3. Findings", [
                "Where partners shared a history of competition for the same specialist "
                "services, initial trust was low and every proposal was read for hidden "
                "advantage. One medical director recalled that the first joint rota was "
                "checked line by line \u201cas if it were a hostile takeover bid\u201d. In "
                "these alliances a small early success mattered a great deal: a joint "
                "interventional radiology rota that worked within weeks gave clinicians a "
                "reason to believe the partner would deliver, and trust followed.",
                "Formal agreements played a different part from the one their authors "
                "intended. A detailed memorandum of understanding gave executives confidence "
                "that risks were shared, and so raised their tolerance for joint investment, "
                "but interviewees were clear that paper did not create trust. Where the "
                "memorandum came first and the working relationships later, the alliance "
                "performed collaboration at board level while services carried on as before.",
                "A slow pace of development was corrosive. When a decision on a shared "
                "pathology service was deferred for eighteen months, conflict between the "
                "laboratories grew and trust between their managers fell. The alliances that "
                "survived had an independent chair who could bring such disputes to a close.",
            ]),
            ("4. Discussion", [
                "Our findings suggest that alliances are sustained by interpersonal trust "
                "among clinical leaders, built through visible early successes, rather than by "
                "the governance structures that policy guidance emphasises. Structures matter "
                "later, once trust exists to be formalised. The implication for regulators is "
                "that asking new alliances for elaborate governance in their first year may "
                "crowd out the work that keeps them together.",
            ]),
        ],
    },
    {
        "file": "paper-02-nakamura-2018-mandated-collaboration.pdf",
        "journal": "International Journal of Integrated Care Policy \u00b7 Vol. 14 (2018)",
        "short": "Nakamura et al. \u00b7 Mandated collaboration",
        "title": "Told to collaborate: perceived legitimacy in mandated hospital partnerships",
        "authors": ["Hiroshi Nakamura", "Alison Pryce", "Daniel Fairweather"],
        "affiliation": "School of Public Policy, Eastbridge University",
        "abstract": (
            "Governments increasingly require hospitals to form partnerships. We compared "
            "eleven mandated and nine voluntary partnerships using survey data from 1,240 "
            "managers and 48 interviews. Mandated partnerships were seen as less legitimate, "
            "and low legitimacy was associated with compliance without commitment. Where a "
            "visible local crisis preceded the mandate, this difference disappeared."
        ),
        "sections": [
            ("Background", [
                "Collaboration that is imposed from above sits uneasily with the voluntary "
                "character that the partnership literature treats as essential. A mandate can "
                "provide the authority to overcome local resistance, but it can also signal "
                "that the partnership serves the centre rather than the organisations in it.",
            ]),
            ("Data and analysis", [
                "We surveyed managers in twenty partnerships about the perceived legitimacy of "
                "their partnership, their willingness to commit resources to it and their "
                "expectations of its future. Interviews with senior leaders in eight of the "
                "partnerships explored how the partnership had come about and how its purpose "
                "was explained to staff.",
            ]),
            ("Results", [
                "Managers in mandated partnerships rated legitimacy lower than those in "
                "voluntary partnerships on every item. Interviewees described their "
                "partnership as \u201csomething we are seen to do\u201d and reported attending "
                "meetings without bringing decisions to them. Lower legitimacy went with "
                "collaborative inertia: programmes were agreed and then quietly left "
                "unfunded.",
                "The exception is instructive. In three mandated partnerships a visible "
                "local crisis, the failure of an emergency department inspection, had "
                "preceded the mandate. Staff in these partnerships saw the mandate as a "
                "response to a problem they recognised, and legitimacy was as high as in the "
                "voluntary group. The manner of implementation also mattered: where leaders "
                "explained the mandate and invited staff to shape the response, legitimacy "
                "held; where the mandate was announced and imposed, it fell.",
                "Mandated partnerships reported more cost savings in back-office services than "
                "voluntary ones, which suggests that a mandate can deliver organisational "
                "efficiency even where it fails to build commitment.",
            ]),
            ("Conclusion", [
                "A mandate is neither sufficient nor fatal. Its effect on collaboration runs "
                "through the legitimacy staff grant it, and that depends on whether they see "
                "the problem the mandate addresses and on how it is introduced.",
            ]),
        ],
    },
    {
        "file": "paper-03-okonkwo-2019-interoperability.pdf",
        "journal": "Health Informatics and Services Review \u00b7 2019 \u00b7 31(4)",
        "short": "Okonkwo & Lindqvist \u00b7 Shared records and pathways",
        "title": "Shared records, shared pathways? Interoperable IT in hospital groups",
        "authors": ["Chidi Okonkwo", "Astrid Lindqvist"],
        "affiliation": "Department of Digital Health, Kingsbridge Institute",
        "doi": "10.5555/hisr.2019.0417",
        "abstract": (
            "Cross-organisational clinical pathways depend on information that moves with the "
            "patient. We studied six hospital groups, three of which had moved to a single "
            "electronic patient record. Single-record groups built more cross-site pathways "
            "and reported fewer delayed transfers; groups without interoperable systems "
            "relied on printed notes and telephone calls, with consequences for safety and "
            "for trust between sites. doi:10.5555/hisr.2019.0417"
        ),
        "sections": [
            ("Introduction", [
                "Hospital groups promise to let patients move between sites along a single "
                "pathway. Whether they can do so depends on whether the information about a "
                "patient moves too. Many groups still run several electronic patient record "
                "systems that do not exchange data.",
            ]),
            ("Methods", [
                "We conducted a comparative case study of six groups, interviewing 54 "
                "clinicians, managers and informatics staff and observing transfers between "
                "sites. We counted the cross-site pathways each group had formally adopted "
                "and the delayed transfers recorded over twelve months.",
            ]),
            ("Findings", [
                "Groups with a single electronic patient record had adopted a median of nine "
                "cross-site pathways against two in the other groups. Clinicians in these "
                "groups described being able to \u201csee the patient before they arrive\u201d, "
                "which made them willing to accept transfers earlier and to share on-call "
                "rotas across sites.",
                "Where systems did not interoperate, staff printed notes and sent them with "
                "the patient in an envelope, or telephoned ahead. Information was lost between "
                "sites, and when things went wrong staff blamed the other site rather than the "
                "systems. Interviewees linked these incidents to a loss of trust between "
                "clinical teams that outlasted the incidents themselves.",
                "Interoperability was expensive. Two groups abandoned convergence plans "
                "because no single partner would carry the cost, an instance of the risk "
                "threshold each organisation set for joint investment.",
            ]),
            ("Implications", [
                "Investment in interoperable systems should be treated as a precondition for "
                "clinical integration, not as a later efficiency project. Shared funding "
                "arrangements can lower the risk each partner carries and so make that "
                "investment possible.",
            ]),
        ],
    },
    {
        "file": "paper-04-brennan-2020-covid-mutual-aid.pdf",
        "journal": "Journal of Health Partnerships \u00b7 Volume 12 \u00b7 2020",
        "short": "Brennan, Achterberg & Cole \u00b7 COVID-19 mutual aid",
        "title": "Pulling together? COVID-19 mutual aid and trust between providers",
        "authors": ["Siobhan Brennan", "Pieter Achterberg", "Marcus Cole"],
        "affiliation": "Institute for Health Organisation Studies, Westhaven",
        "abstract": (
            "The first wave of COVID-19 required providers to share staff, beds and equipment "
            "at short notice. Drawing on 35 interviews in five local systems, we examine "
            "whether mutual aid built lasting trust. In most systems it did, through shared "
            "experience of crisis work; in one it deepened rivalry, because aid flowed in one "
            "direction only."
        ),
        "sections": [
            ("Introduction", [
                "Crises can draw organisations together or pull them apart. The pandemic "
                "offered a natural experiment in collaboration under pressure, as normal "
                "rules on funding and contracts were suspended across the system.",
            ]),
            ("Approach", [
                "We interviewed 35 leaders and front-line staff in five local systems between "
                "September 2020 and March 2021, asking how mutual aid had been arranged and "
                "what had happened to working relationships since.",
            ]),
            ("Findings", [
                "In four systems, staff who had worked side by side in crisis wards "
                "described a new interpersonal trust that survived the return to normal "
                "rules. A discharge hub formed during the first wave was re-formed "
                "voluntarily a year later because, as one manager put it, \u201cwe had seen "
                "what each other could do\u201d.",
                "In the fifth system the larger hospital sent staff to the smaller one but "
                "received nothing in return. Staff at the larger site came to see the partner "
                "as a drain on their resources, and conflict between the two increased once "
                "the emergency ended. Mutual aid that was not mutual reduced trust.",
                "Suspension of the usual rules removed the annual contracting round that had "
                "set the partners against each other, and several interviewees said that "
                "competitive behaviour returned with the rules.",
            ]),
            ("Conclusion", [
                "Crisis collaboration builds trust when the experience is shared and the "
                "benefits run both ways. It is not a substitute for arrangements that keep "
                "partners from competing once the crisis is over.",
            ]),
        ],
    },
    {
        "file": "paper-05-lovas-2021-cultural-integration.pdf",
        "journal": "Scandinavian Journal of Health Organisation \u00b7 2021 \u00b7 Vol. 7",
        "short": "L\u00f8v\u00e5s, Mart\u00ednez-N\u00fa\u00f1ez & Dub\u00e9 \u00b7 Cultural integration",
        "title": "Merged or swallowed? Cultural integration after hospital mergers",
        "authors": ["Ren\u00e9e L\u00f8v\u00e5s", "Jos\u00e9 Mart\u00ednez-N\u00fa\u00f1ez",
                    "Fran\u00e7ois Dub\u00e9"],
        "affiliation": "Department of Organisation Studies, University of Trondvik",
        "abstract": (
            "Mergers between hospitals of unequal size are often experienced by the smaller "
            "partner as a takeover. We studied four mergers through 44 interviews and staff "
            "survey data. Where the larger partner adopted practices from the smaller one, "
            "staff described integration; where policies were harmonised on the larger "
            "partner\u2019s terms, they described being swallowed, and conflict persisted."
        ),
        "sections": [
            ("Introduction", [
                "Cultural assimilation is the alignment of attitudes and behaviours across "
                "organisations that come together. It is widely held to be the hardest part "
                "of a merger and the part least often planned for. We ask what makes staff "
                "of the smaller partner feel merged rather than swallowed.",
            ]),
            ("Methods", [
                "Forty-four interviews were held with staff at every level in four merged "
                "organisations, two to four years after the merger. We analysed staff survey "
                "results on the \ufb01t between personal and organisational values before and "
                "after each merger.",
            ]),
            ("Findings", [
                "Policy harmonisation was the most visible sign of which culture prevailed. "
                "Where every policy was replaced by the larger partner\u2019s version, staff at "
                "the smaller site spoke of an occupation, and conflict over uniforms, rotas "
                "and titles persisted for years.",
                "In two mergers the larger partner deliberately adopted practices from the "
                "smaller one, such as a falls prevention approach and a ward accreditation "
                "scheme. Staff described these adoptions as proof that the merger was a "
                "partnership, and their sense of a shared identity grew. \u201cWhat did we "
                "bring?\u201d became a question leaders answered in public.",
                "Leaders who were visible at both sites, and who moved their offices to the "
                "smaller one for part of the week, were credited with reducing conflict. "
                "Leaders who governed from the larger site were not.",
            ]),
            ("Discussion", [
                "Integration is not the absence of difference but the recognition of what each "
                "partner brings. Mergers that make that recognition visible early reduce "
                "conflict and improve organisational culture across sites.",
            ]),
        ],
    },
    {
        "file": "paper-06-adeyemi-2022-pace-and-conflict.pdf",
        "journal": "Public Management of Health Care \u00b7 Vol. 23, No. 2 (2022)",
        "short": "Adeyemi & Thornbury \u00b7 Pace and conflict",
        "title": "Waiting for decisions: pace of development, conflict and faith in partnerships",
        "authors": ["Folake Adeyemi", "Gareth Thornbury"],
        "affiliation": "Centre for Public Service Partnerships, Greyfriars University",
        "abstract": (
            "Partnerships that take a long time to make decisions lose the faith of those who "
            "work in them. In a longitudinal study of seven integrated care partnerships we "
            "trace how delay fed conflict, how conflict reduced trust, and how reduced trust "
            "slowed decisions further, a vicious circle that only an independent chair broke."
        ),
        "sections": [
            ("Introduction", [
                "Perception of progress sustains the faith of partners that their collaboration "
                "is worth the effort. When nothing visible happens, partners begin to question "
                "the point of meeting at all.",
            ]),
            ("Design", [
                "We followed seven partnerships for three years, with three rounds of "
                "interviews (n = 81) and observation of 37 board meetings. We recorded the "
                "time from proposal to decision for every major programme.",
            ]),
            ("Findings", [
                "Programmes that waited more than a year for a decision were associated with "
                "rising conflict between partners, who blamed each other for the delay. "
                "Conflict then reduced trust, and partners with low trust scrutinised "
                "proposals more slowly, so that delay fed on itself. One voluntary sector "
                "member left a partnership after two years, saying that it \u201cpromised and "
                "did not deliver\u201d.",
                "Three partnerships broke the circle. Each appointed an independent chair with "
                "no stake in any partner, who set deadlines for decisions and brought disputes "
                "to a close. Funded starter projects, small enough to succeed within months, "
                "restored a perception of progress in two of them.",
            ]),
            ("Conclusion", [
                "Pace is not a detail of implementation but a mechanism in its own right. "
                "Partnerships should plan quick wins and a way of resolving disputes before "
                "their first major programme.",
            ]),
        ],
    },
    {
        "file": "paper-07-whitcombe-2023-scale-recruitment.pdf",
        "journal": "Workforce and Health Systems \u00b7 2023 \u00b7 Issue 3",
        "short": "Whitcombe, Iqbal & Sandoval \u00b7 Scale and recruitment",
        "title": "Bigger is busier: group scale, recruitment and the loss of proximity",
        "authors": ["Eleanor Whitcombe", "Samir Iqbal", "Lucia Sandoval"],
        "affiliation": "Health Workforce Unit, Marlow Business School",
        "abstract": (
            "Hospital groups argue that scale helps them recruit. Using vacancy data from 28 "
            "groups and 30 interviews, we find that groups filled specialist posts faster, "
            "through rotations and shared training, but that consolidating services moved "
            "care away from some patients and managers away from their staff."
        ),
        "sections": [
            ("Introduction", [
                "Recruitment is among the most cited reasons for forming a hospital group. "
                "Small hospitals struggle to attract specialists who want a varied case mix "
                "and a viable on-call rota.",
            ]),
            ("Methods", [
                "We analysed vacancy rates for consultant and nursing posts in 28 groups "
                "before and after group formation, and interviewed 30 clinical and workforce "
                "leaders about recruitment and about the consolidation of services.",
            ]),
            ("Findings", [
                "Vacancy rates for specialist consultant posts fell by a third in the three "
                "years after group formation. Interviewees attributed the fall to rotations "
                "between sites, which offered a broader case mix, and to shared training "
                "programmes. A group staff bank was described as an early success that built "
                "goodwill among nurses.",
                "Scale had costs. Consolidating emergency surgery onto one site improved "
                "outcomes but lengthened journeys for patients from outlying towns, and "
                "managers responsible for several sites were seldom seen on any of them. "
                "Staff described this loss of geographical proximity as the main thing the "
                "group had taken from them.",
            ]),
            ("Conclusion", [
                "Scale improves recruitment, but groups should plan for the loss of proximity "
                "that comes with it, for patients and for staff alike.",
            ]),
        ],
    },
]
