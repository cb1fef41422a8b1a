"""The coded values of the dataset, each with its en/fr/es label and a definition."""

from __future__ import annotations

from .terms import Family, Vocabulary, vocab

R, F = "restricts", "facilitates"

ASSESSMENT_STATUS = vocab(
    "assessment_status", "Assessment status",
    "Whether a jurisdiction has been looked at. An assessed jurisdiction with no instruments means "
    "'assessed, none found', which is a different fact from 'not assessed'.",
    ("assessed", "Assessed", "Évalué", "Evaluado",
     "Coders reviewed the recognised sources and coded what they document (possibly nothing)."),
    ("not_assessed", "Not assessed", "Non évalué", "No evaluado",
     "No one has reviewed this jurisdiction yet; absence of rows says nothing."),
)

DIRECTION = vocab(
    "direction", "Direction",
    "What an instrument does to cross-border civil-society solidarity.",
    ("restricts", "Restricts", "Restreint", "Restringe",
     "Limits, burdens or penalises cross-border solidarity (question 5 of the call)."),
    ("facilitates", "Facilitates", "Facilite", "Facilita",
     "Enables or protects cross-border solidarity (question 4 of the call)."),
    ("mixed", "Mixed", "Mixte", "Mixto",
     "Contains both restricting and facilitating provisions; coded in categories of both sides."),
)

QUESTION = vocab(
    "question", "Question of the call",
    "Which question of the Independent Expert's call the instrument answers.",
    ("Q4", "Question 4 (facilitates)", "Question 4 (facilite)", "Pregunta 4 (facilita)",
     "Laws, policies or initiatives that facilitate solidarity across borders."),
    ("Q5", "Question 5 (restricts)", "Question 5 (restreint)", "Pregunta 5 (restringe)",
     "Laws, policies or measures that restrict solidarity across borders."),
    ("both", "Questions 4 and 5", "Questions 4 et 5", "Preguntas 4 y 5",
     "A mixed instrument answering both questions."),
)

INSTRUMENT_TYPE = vocab(
    "instrument_type", "Instrument type", "The legal form of an instrument.",
    ("constitution", "Constitution", "Constitution", "Constitución",
     "A constitutional provision or amendment."),
    ("statute", "Statute", "Loi", "Ley", "An act adopted by the legislature."),
    ("decree", "Decree", "Décret", "Decreto", "An executive decree, ordinance or decree-law."),
    ("regulation", "Regulation", "Règlement", "Reglamento",
     "Secondary rules issued by a ministry or agency under a statute."),
    ("policy", "Policy", "Politique", "Política",
     "A government policy, programme, guideline or administrative practice set down in writing."),
    ("court_decision", "Court decision", "Décision de justice", "Decisión judicial",
     "A ruling that creates, suspends or strikes down a rule."),
    ("treaty_ratification", "Treaty ratification", "Ratification d'un traité", "Ratificación de tratado",
     "The State's ratification of, or accession to, a regional or international instrument."),
    ("bill", "Bill", "Projet de loi", "Proyecto de ley",
     "A draft law that is advanced and widely reported but not (yet) adopted."),
)

INSTRUMENT_STATUS = vocab(
    "instrument_status", "Instrument status",
    "Legal status of an instrument on the assessment date. Every status that ends an instrument has a "
    "date field of the same name giving when.",
    ("in_force", "In force", "En vigueur", "En vigor", "Applies on the assessment date."),
    ("partly_suspended", "Partly suspended", "Partiellement suspendu", "Parcialmente suspendido",
     "In force, but a court or the government has suspended some provisions."),
    ("pending", "Pending", "En attente", "Pendiente",
     "Not in force: a bill, or an adopted text awaiting entry into force."),
    ("suspended", "Suspended", "Suspendu", "Suspendido",
     "Not applied since `suspended`: a court or the government suspended the whole instrument."),
    ("superseded", "Superseded", "Remplacé", "Sustituido",
     "Taken over by a later instrument (`replaced_by`) on the date `superseded`."),
    ("repealed", "Repealed", "Abrogé", "Derogado",
     "Withdrawn, revoked or lifted by a later act, or lapsed, on the date `repealed`, with no successor."),
    ("struck_down", "Struck down", "Annulé", "Anulado",
     "Annulled by a court on the date `struck_down`."),
)

SEVERITY = vocab(
    "severity", "Severity (restricting instruments)",
    "An ordinal rubric for the strongest restricting effect of an instrument on cross-border "
    "solidarity. Facilitating instruments carry no severity.",
    ("1", "Burden", "Contrainte", "Carga",
     "Adds paperwork, reporting, labelling or delay, but the activity remains lawful and possible."),
    ("2", "Control", "Contrôle", "Control",
     "Makes the activity depend on state permission, designation or oversight: prior approval, "
     "mandatory registration as foreign-funded or foreign agent, state-controlled channels, "
     "discretionary dissolution."),
    ("3", "Prohibition or criminal penalty", "Interdiction ou sanction pénale", "Prohibición o sanción penal",
     "Bans the activity or organisation outright, or attaches criminal penalties to it."),
)

CONFIDENCE = vocab(
    "confidence", "Confidence", "How sure the coder is of every detail of the row.",
    ("high", "High", "Élevée", "Alta",
     "Checked against the official text or several concordant recognised sources."),
    ("medium", "Medium", "Moyenne", "Media",
     "Documented by one recognised source; details such as exact dates may be incomplete."),
    ("low", "Low", "Faible", "Baja",
     "Reported, but details are uncertain; see `notes` for what is unsure."),
)

VERIFICATION = vocab(
    "verification", "Verification", "How a row was checked before it was coded.",
    ("official_text", "Official text checked", "Texte officiel vérifié", "Texto oficial verificado",
     "The coder read the official text, gazette or legislation-database entry."),
    ("un_document", "UN document checked", "Document de l'ONU vérifié", "Documento de la ONU verificado",
     "The coder checked a UN document (treaty body, special procedure, Secretary-General report)."),
    ("monitor_report", "Monitor report checked", "Rapport d'observatoire vérifié",
     "Informe de observatorio verificado",
     "The coder checked a recognised monitor (ICNL, CIVICUS, ISHR, Amnesty, HRW, Front Line Defenders)."),
    ("multiple_sources", "Several sources concordant", "Plusieurs sources concordantes",
     "Varias fuentes concordantes", "Two or more independent recognised sources agree."),
    ("secondary_only", "Secondary source only", "Source secondaire seulement", "Solo fuente secundaria",
     "Only news, academic or submission material was available; lower confidence."),
    ("submission", "Questionnaire submission", "Contribution au questionnaire", "Contribución al cuestionario",
     "Coded from a submission to the call, not yet checked against another source."),
)

SOURCE_KIND = vocab(
    "source_kind", "Source kind", "What kind of publication a source is.",
    ("official", "Official text", "Texte officiel", "Texto oficial",
     "Official gazette, legislation database, court or government publication."),
    ("un_document", "UN document", "Document de l'ONU", "Documento de la ONU",
     "A document of a UN body or mandate, or a treaty depositary record."),
    ("monitor", "Recognised monitor", "Observatoire reconnu", "Observatorio reconocido",
     "ICNL, CIVICUS, ISHR, Amnesty International, Human Rights Watch, Front Line Defenders or similar."),
    ("ngo_report", "NGO report", "Rapport d'ONG", "Informe de ONG", "A report by another civil-society organisation."),
    ("academic", "Academic", "Universitaire", "Académico", "A peer-reviewed or scholarly publication."),
    ("news", "News", "Presse", "Prensa", "A news report."),
    ("submission", "Submission", "Contribution", "Contribución", "A submission to the call for input."),
)

DISCLOSURE = vocab(
    "disclosure", "Disclosure", "What may be published about a reprisal case.",
    ("public_record", "Public record", "Domaine public", "Registro público",
     "Already published by the UN or a recognised monitor; an organisation or public figure may be "
     "named as there."),
    ("anonymised", "Anonymised", "Anonymisé", "Anonimizado",
     "Only country, year, reprisal types and target type are published."),
    ("confidential", "Confidential", "Confidentiel", "Confidencial",
     "Never exported and counted nowhere outside the coded file."),
)

REPRISAL_TYPE = vocab(
    "reprisal_type", "Reprisal type",
    "The reprisals named in question 5 of the call (leaving and entering a country apart), "
    "plus three documented sub-types.",
    ("surveillance", "Surveillance", "Surveillance", "Vigilancia",
     "Monitoring of communications, movements or meetings, including spyware.", None, "Q5"),
    ("denial_of_funding", "Denial of funding", "Refus de financement", "Denegación de financiación",
     "Blocking, freezing or forbidding receipt of funds, including foreign grants.", None, "Q5"),
    ("intimidation", "Intimidation", "Intimidation", "Intimidación",
     "Threats, smear campaigns, summons or harassment meant to deter.", None, "Q5"),
    ("retaliation", "Retaliation", "Représailles", "Represalias",
     "Punitive administrative or other measures taken in response to solidarity activity, "
     "including for cooperation with the UN.", None, "Q5"),
    ("closure", "Closure", "Fermeture", "Cierre",
     "Dissolution, liquidation, deregistration or forced suspension of an organisation.", None, "Q5"),
    ("prosecution", "Prosecution", "Poursuites", "Enjuiciamiento",
     "Criminal or administrative charges, trials and convictions.", None, "Q5"),
    ("sanctions", "Sanctions", "Sanctions", "Sanciones",
     "Fines, listing or designation (e.g. 'undesirable', 'foreign agent', terrorist list).", None, "Q5"),
    ("exit_restriction", "Restriction on leaving", "Restriction de sortie", "Restricción de salida",
     "Travel bans, passport confiscation or refusal to let a person leave the country.", None, "Q5"),
    ("entry_restriction", "Restriction on entering", "Restriction d'entrée", "Restricción de entrada",
     "Refusal of entry or visa, entry bans on foreign activists.", None, "Q5"),
    ("attack", "Attack", "Agression", "Ataque", "Physical attack, including killing.", None, "Q5"),
    ("detention", "Detention", "Détention", "Detención",
     "Arrest or deprivation of liberty (a documented sub-type of prosecution or attack).", None, "Q5"),
    ("deportation", "Deportation", "Expulsion", "Deportación",
     "Expulsion of a foreign national (a documented sub-type of entry restriction).", None, "Q5"),
    ("asset_freeze", "Asset freeze", "Gel des avoirs", "Congelación de activos",
     "Freezing of accounts or assets (a documented sub-type of denial of funding or sanctions).", None, "Q5"),
)

TARGET_TYPE = vocab(
    "target_type", "Target type", "Who an instrument applies to, or who a reprisal hit.",
    ("domestic_cso", "Domestic civil-society organisation", "Organisation de la société civile nationale",
     "Organización de la sociedad civil nacional", "An association, foundation or NGO registered in the country."),
    ("foreign_ngo", "Foreign or international NGO", "ONG étrangère ou internationale", "ONG extranjera o internacional",
     "An organisation registered abroad, or its local branch or office."),
    ("network", "Network or coalition", "Réseau ou coalition", "Red o coalición",
     "A transnational, regional or national network of organisations."),
    ("defender", "Human rights defender", "Défenseur des droits humains", "Defensor de derechos humanos",
     "An individual acting to promote or protect human rights."),
    ("journalist_media", "Journalist or media", "Journaliste ou média", "Periodista o medio",
     "A journalist, blogger or media outlet."),
    ("lawyer", "Lawyer", "Avocat", "Abogado", "A lawyer or legal-aid provider."),
    ("student_academic", "Student or academic", "Étudiant ou universitaire", "Estudiante o académico",
     "A student group, student, researcher or academic institution (question 8)."),
    ("trade_union", "Trade union", "Syndicat", "Sindicato", "A workers' organisation."),
    ("community", "Community or Indigenous people", "Communauté ou peuple autochtone", "Comunidad o pueblo indígena",
     "A local community or Indigenous people and their representatives."),
    ("donor", "Donor or funder", "Donateur ou bailleur", "Donante o financiador",
     "A foreign or domestic funder of civil society."),
    ("any_person", "Anyone", "Toute personne", "Cualquier persona",
     "The instrument applies to everyone (e.g. a penal-code offence)."),
)

THEME = vocab(
    "theme", "Solidarity theme",
    "The seven expressions of international solidarity named in the call, and general human-rights work.",
    ("womens_rights", "Women's rights", "Droits des femmes", "Derechos de las mujeres",
     "Accountability for violations of women's rights."),
    ("climate_disasters", "Climate and disasters", "Climat et catastrophes", "Clima y desastres",
     "Assistance for climate change and natural disasters."),
    ("peace_civilians", "Peace and civilians in conflict", "Paix et civils dans les conflits", "Paz y civiles en conflictos",
     "Protection of civilians in armed conflict, and peace."),
    ("workers_rights", "Workers' rights", "Droits des travailleurs", "Derechos de los trabajadores",
     "Equal rights of workers."),
    ("indigenous_land", "Indigenous land and extractives", "Terres autochtones et industries extractives",
     "Tierras indígenas e industrias extractivas",
     "Land claims of Indigenous peoples endangered by extractive industries."),
    ("health_access", "Health and vaccines", "Santé et vaccins", "Salud y vacunas",
     "Equal access to vaccines and medical assistance in health emergencies."),
    ("migrants_minorities", "Migrants, refugees and minorities", "Migrants, réfugiés et minorités",
     "Migrantes, refugiados y minorías", "Rights of migrants, refugees and minorities."),
    ("general_human_rights", "General human-rights work", "Action générale en faveur des droits humains",
     "Labor general de derechos humanos",
     "Human-rights work that fits none of the seven expressions (e.g. documentation, civic space, "
     "cooperation with the UN). An empty theme list means 'not coded', never 'no theme'."),
)

DIMENSION = vocab(
    "dimension", "Further dimension", "Other questions of the call a row bears on.",
    ("platform_access", "Platform access", "Accès aux plateformes", "Acceso a plataformas",
     "Access to media or digital platforms is limited (question 3).", None, "Q3"),
    ("discrimination", "Discrimination", "Discrimination", "Discriminación",
     "Applies or bites differently by ethnic origin, sex, nationality, religion, LGBTQ status, etc. (question 7).",
     None, "Q7"),
    ("student_groups", "Student groups", "Groupes d'étudiants", "Grupos estudiantiles",
     "Concerns school or university student groups (question 8).", None, "Q8"),
)

CATEGORY = vocab(
    "category", "Category",
    "What an instrument regulates. Restricting categories answer question 5, facilitating ones question 4.",
    # restricting (question 5)
    ("foreign_funding", "Foreign funding restrictions", "Restrictions au financement étranger",
     "Restricciones a la financiación extranjera",
     "Caps, prior approval, bans or routing through designated banks for funds from abroad.", R, "Q5"),
    ("foreign_agent", "Foreign-agent labelling", "Étiquetage « agent de l'étranger »", "Etiquetado de «agente extranjero»",
     "Labels NGOs, media or people receiving foreign support as foreign agents or similar.", R, "Q5"),
    ("foreign_influence_registration", "Foreign-influence registration", "Enregistrement de l'influence étrangère",
     "Registro de influencia extranjera",
     "Activity-based registration of those acting for a foreign principal (FARA-type).", R, "Q5"),
    ("registration_dissolution", "Registration and dissolution", "Enregistrement et dissolution",
     "Registro y disolución",
     "Mandatory registration, re-registration, suspension or discretionary dissolution of organisations.", R, "Q5"),
    ("undesirable_organisations", "Undesirable or banned foreign organisations",
     "Organisations étrangères indésirables ou interdites", "Organizaciones extranjeras indeseables o prohibidas",
     "Bans foreign or international organisations and penalises cooperation with them.", R, "Q5"),
    ("foreign_cooperation", "Cooperation with foreign entities", "Coopération avec des entités étrangères",
     "Cooperación con entidades extranjeras",
     "Restricts contacts, partnerships or membership in foreign or international bodies.", R, "Q5"),
    ("counter_terrorism_aml", "Counter-terrorism and AML measures", "Mesures antiterroristes et de LBC",
     "Medidas antiterroristas y contra el blanqueo",
     "Counter-terrorism or anti-money-laundering rules applied to civil society.", R, "Q5"),
    ("national_security", "National security and sovereignty offences", "Infractions à la sécurité nationale et à la souveraineté",
     "Delitos contra la seguridad nacional y la soberanía",
     "Treason, espionage, extremism, 'foreign interference' or sovereignty offences used against cross-border work.", R, "Q5"),
    ("travel_mobility", "Travel and mobility", "Déplacements et mobilité", "Viajes y movilidad",
     "Exit bans, entry bans, visa refusals and deportation powers.", R, "Q5"),
    ("online_expression", "Online expression and platform access", "Expression en ligne et accès aux plateformes",
     "Expresión en línea y acceso a plataformas",
     "Content rules, blocking, shutdowns or platform controls that reach cross-border communication.", R, "Q5"),
    ("assembly", "Assembly", "Réunion", "Reunión", "Restrictions on peaceful assembly and solidarity protests.", R, "Q5"),
    ("criminalisation_of_solidarity", "Criminalisation of solidarity", "Criminalisation de la solidarité",
     "Criminalización de la solidaridad",
     "Penalises humanitarian help or support, e.g. to migrants and refugees.", R, "Q5"),
    ("boycott_restrictions", "Boycott restrictions", "Restrictions au boycott", "Restricciones al boicot",
     "Penalises calls for, or participation in, boycotts.", R, "Q5"),
    ("surveillance_powers", "Surveillance powers", "Pouvoirs de surveillance", "Facultades de vigilancia",
     "Powers to monitor communications, finances or members of organisations.", R, "Q5"),
    ("student_academic", "Student and academic activity", "Activités étudiantes et universitaires",
     "Actividad estudiantil y académica", "Rules on student groups, academic exchange and campus activity.", R, "Q5"),
    ("reporting_audit_burden", "Reporting and audit burden", "Charges de déclaration et d'audit",
     "Carga de informes y auditorías", "Special reporting, audit or inspection duties on organisations.", R, "Q5"),
    # facilitating (question 4)
    ("defender_protection", "Protection of defenders", "Protection des défenseurs", "Protección de defensores",
     "Laws, mechanisms or policies that protect human rights defenders.", F, "Q4"),
    ("enabling_association", "Enabling association law", "Droit d'association favorable", "Ley de asociación habilitante",
     "Simple notification-based registration, protection from arbitrary dissolution.", F, "Q4"),
    ("access_to_resources", "Access to resources", "Accès aux ressources", "Acceso a recursos",
     "Guarantees the right to seek, receive and use resources, including from abroad.", F, "Q4"),
    ("cross_border_association", "Cross-border association", "Association transfrontalière", "Asociación transfronteriza",
     "Recognises foreign organisations or eases joining international networks.", F, "Q4"),
    ("tax_incentives_giving", "Tax incentives for giving", "Incitations fiscales aux dons", "Incentivos fiscales a donaciones",
     "Tax relief for donations, including cross-border giving.", F, "Q4"),
    ("anti_slapp", "Anti-SLAPP", "Anti-poursuites-bâillons", "Anti-SLAPP",
     "Protection against strategic lawsuits against public participation.", F, "Q4"),
    ("regional_treaty", "Regional treaty commitment", "Engagement conventionnel régional", "Compromiso de tratado regional",
     "Ratification of a regional treaty protecting defenders or participation (e.g. Escazú, Aarhus).", F, "Q4"),
    ("humanitarian_exemption", "Humanitarian exemption", "Exemption humanitaire", "Exención humanitaria",
     "Carve-outs for humanitarian action in sanctions or counter-terrorism law.", F, "Q4"),
    ("un_cooperation_protection", "Protection of cooperation with the UN", "Protection de la coopération avec l'ONU",
     "Protección de la cooperación con la ONU",
     "Protects people and groups who engage with the UN and regional mechanisms.", F, "Q4"),
    ("digital_access", "Digital access", "Accès numérique", "Acceso digital",
     "Guarantees access to the internet and digital communication across borders.", F, "Q4"),
)


CHECK_STATUS = vocab(
    "check_status", "Check status",
    "What the checklist of an assessed jurisdiction says about one law family.",
    ("coded", "Coded", "Codé", "Codificado",
     "Searched under the family's inclusion rule; the instruments of the family's categories answer it."),
    ("none_found", "Assessed, none found", "Évalué, aucun trouvé", "Evaluado, ninguno encontrado",
     "Searched under the family's inclusion rule in the sources named; nothing that counts was found."),
    ("not_checked", "Not checked", "Non vérifié", "No verificado",
     "Not (yet) searched: the absence of instruments of this family says nothing."),
)


def _family(value, en, fr, es, definition, side, categories, rule) -> Family:
    return Family(value, en, fr, es, definition, side, "Q5" if side == R else "Q4", tuple(categories), rule)


FAMILY = vocab(
    "family", "Law family",
    "The kinds of law checked in every assessed jurisdiction. Each has a written inclusion rule, applied the "
    "same way everywhere, so that 'none found' means the same thing in every country. Instruments answer a "
    "family through their categories; categories outside every family (online expression, assembly, "
    "boycotts, surveillance, student activity, digital access) are coded where found but not searched "
    "systematically.",
    _family("association_law", "Association and registration law", "Droit des associations et enregistrement",
            "Ley de asociaciones y registro",
            "The law under which associations, foundations and NGOs register, report, and are suspended or dissolved.",
            R, ("registration_dissolution", "reporting_audit_burden"),
            "Counts when the general or special law on associations, foundations or NGOs (or its regulations) "
            "requires prior authorisation or discretionary registration or re-registration, bans or penalises "
            "unregistered groups, allows suspension or dissolution by administrative decision or on vague grounds, "
            "or imposes reporting, audit or inspection duties beyond ordinary accounting. A notification-based "
            "law with dissolution by a court only is coded under enabling association law instead."),
    _family("foreign_funding", "Foreign funding controls", "Contrôle du financement étranger",
            "Control de la financiación extranjera",
            "Rules that single out money received from abroad by civil society.",
            R, ("foreign_funding",),
            "Counts when a rule singles out funds from foreign sources received by organisations or people: prior "
            "approval, designated accounts or banks, caps, taxes, bans, or reporting tied to foreign funds. Banking, "
            "currency or AML rules that apply to all money alike do not count here (see counter-terrorism "
            "financing)."),
    _family("foreign_agent_influence", "Foreign-agent and foreign-influence registration",
            "Enregistrement « agent de l'étranger » et influence étrangère",
            "Registro de «agente extranjero» e influencia extranjera",
            "Labels or registers organisations or people because of foreign funding or a foreign principal.",
            R, ("foreign_agent", "foreign_influence_registration"),
            "Counts when a law labels or registers organisations, media or people as agents, representatives or "
            "'organisations pursuing the interests' of a foreign power or principal, because of foreign funding or "
            "foreign-directed activity. Activity-based (FARA-type) registration of those acting for a foreign "
            "principal counts too, even where it exempts most civil-society work; the summary says so."),
    _family("foreign_organisations", "Foreign organisations and foreign cooperation",
            "Organisations étrangères et coopération avec l'étranger",
            "Organizaciones extranjeras y cooperación con el extranjero",
            "Presence of foreign and international NGOs, bans on 'undesirable' organisations, limits on "
            "cooperation with foreign bodies.",
            R, ("undesirable_organisations", "foreign_cooperation"),
            "Counts when a rule governs the presence of foreign or international NGOs beyond ordinary company or "
            "association registration (permits, accreditation, ministry approval, bans), lists foreign "
            "organisations as 'undesirable', banned or extremist, or restricts partnerships, membership or "
            "contacts with foreign or international bodies."),
    _family("counter_terrorism_aml", "Counter-terrorism financing and AML applied to non-profits",
            "Lutte contre le financement du terrorisme et le blanchiment appliquée aux organisations sans but lucratif",
            "Lucha contra la financiación del terrorismo y el blanqueo aplicada a las organizaciones sin fines de lucro",
            "Counter-terrorism-financing and anti-money-laundering law as it reaches non-profit organisations.",
            R, ("counter_terrorism_aml",),
            "Counts when a counter-terrorism(-financing) or anti-money-laundering law or regulation has measures "
            "aimed at non-profit organisations (NPO registration, supervision, reporting or risk rules, NPOs as "
            "reporting entities, typically under FATF Recommendation 8), or when a UN document or recognised "
            "monitor documents its application to civil-society organisations or defenders. A general "
            "terrorism-financing offence with neither does not count: mark the family none_found and say so."),
    _family("security_offences", "Sanctions and national-security offences", "Sanctions et infractions à la sécurité nationale",
            "Sanciones y delitos contra la seguridad nacional",
            "Treason, espionage, extremism, 'foreign interference', sovereignty and sanctions offences used "
            "against cross-border work.",
            R, ("national_security",),
            "Counts when the offence's text reaches contacts, information-sharing or funding across borders "
            "('cooperation with foreign organisations', 'discrediting the State abroad', 'foreign interference'), "
            "or when a UN document or recognised monitor documents its use against organisations or defenders for "
            "cross-border work. A criminal code with neither does not count."),
    _family("travel_mobility", "Travel and mobility of defenders", "Déplacements et mobilité des défenseurs",
            "Viajes y movilidad de los defensores",
            "Exit bans, entry bans and deportation powers reaching defenders and foreign NGO staff.",
            R, ("travel_mobility",),
            "Counts when a travel, passport, entry or deportation power targets defenders, activists or foreign "
            "NGO staff, or when a UN document or recognised monitor documents its use against them. Ordinary "
            "immigration law with neither does not count."),
    _family("criminalisation_of_solidarity", "Criminalisation of humanitarian assistance",
            "Criminalisation de l'assistance humanitaire", "Criminalización de la asistencia humanitaria",
            "Offences that penalise humanitarian help or support to migrants, refugees or people in need.",
            R, ("criminalisation_of_solidarity",),
            "Counts when an offence can penalise humanitarian help without gain: facilitation of entry, transit "
            "or stay with no (or a narrow) humanitarian exemption, rules restricting search and rescue, or bans on "
            "aid to populations in areas controlled by designated groups."),
    _family("enabling_association", "Enabling association law", "Droit d'association favorable",
            "Ley de asociación habilitante",
            "Association law that makes forming and running an organisation, including with foreign partners, easy.",
            F, ("enabling_association", "cross_border_association"),
            "Counts when the association law provides notification-based or simple registration, allows "
            "unregistered associations, recognises foreign organisations or membership of international networks, "
            "and allows dissolution only by a court for serious cause."),
    _family("access_to_resources", "Access to resources, including from abroad", "Accès aux ressources, y compris de l'étranger",
            "Acceso a recursos, incluso del extranjero",
            "Guarantees of the right to seek, receive and use resources, including from abroad.",
            F, ("access_to_resources",),
            "Counts when a constitutional or legal provision guarantees organisations the right to seek, receive "
            "and use resources, explicitly including foreign ones, or when a law removed foreign-funding controls."),
    _family("cross_border_giving_tax", "Tax treatment of giving", "Traitement fiscal des dons", "Tratamiento fiscal de las donaciones",
            "Tax relief for donations to public-benefit organisations.",
            F, ("tax_incentives_giving",),
            "Counts when the law grants tax relief for donations to public-benefit organisations; the summary "
            "says whether gifts to or from organisations abroad are covered (e.g. under EU free-movement case law)."),
    _family("defender_protection", "Protection of defenders", "Protection des défenseurs", "Protección de defensores",
            "Laws and mechanisms that protect defenders, cooperation with the UN, and public participation.",
            F, ("defender_protection", "un_cooperation_protection", "anti_slapp"),
            "Counts when a law, decree or public mechanism protects human rights defenders (a defenders law, a "
            "protection programme), protects people who cooperate with the UN or regional mechanisms, or protects "
            "against strategic lawsuits (anti-SLAPP). Statements of policy without a mechanism do not count."),
    _family("regional_treaties", "Regional treaties", "Traités régionaux", "Tratados regionales",
            "Ratification of regional treaties that protect participation, defenders or international NGOs.",
            F, ("regional_treaty",),
            "Checked against the depositary's list: the Aarhus Convention, the Escazú Agreement, the declaration "
            "under Article 34(6) of the Protocol to the African Charter (direct access for NGOs and individuals; "
            "its withdrawal ends it), and the European Convention on the Recognition of the Legal Personality of "
            "International NGOs (ETS No. 124)."),
    _family("humanitarian_exemptions", "Humanitarian exemptions", "Exemptions humanitaires", "Exenciones humanitarias",
            "Standing carve-outs for impartial humanitarian action in sanctions or counter-terrorism law.",
            F, ("humanitarian_exemption",),
            "Counts when sanctions or counter-terrorism law has a standing exemption for impartial humanitarian "
            "activities (for example one implementing Security Council resolution 2664 (2022)); case-by-case "
            "licences alone do not count."),
)

RESTRICTION_CLASS = vocab(
    "restriction_class", "Restriction class",
    "Map class of the restriction index (breaks in the codebook's index section).",
    ("none_found", "Assessed, none found", "Évalué, aucune trouvée", "Evaluado, ninguna encontrada",
     "Assessed; no restricting instrument in force in the year (index 0)."),
    ("low", "Low", "Faible", "Baja", "Index above 0 and below 10."),
    ("moderate", "Moderate", "Modérée", "Moderada", "Index 10 to below 25."),
    ("high", "High", "Élevée", "Alta", "Index 25 to below 45."),
    ("very_high", "Very high", "Très élevée", "Muy alta", "Index 45 or more."),
)

FACILITATION_CLASS = vocab(
    "facilitation_class", "Facilitation class",
    "Map class of the facilitation index (breaks in the codebook's index section).",
    ("none_found", "Assessed, none found", "Évalué, aucun trouvé", "Evaluado, ninguno encontrado",
     "Assessed; no facilitating instrument in force in the year (index 0)."),
    ("one", "1 dimension", "1 dimension", "1 dimensión", "Facilitating instruments in one dimension."),
    ("two", "2 dimensions", "2 dimensions", "2 dimensiones", "Facilitating instruments in two dimensions."),
    ("three", "3 dimensions", "3 dimensions", "3 dimensiones", "Facilitating instruments in three dimensions."),
    ("four_plus", "4 or more dimensions", "4 dimensions ou plus", "4 dimensiones o más",
     "Facilitating instruments in four or more dimensions."),
)

VOCABULARIES: dict[str, Vocabulary] = {
    v.name: v
    for v in (
        ASSESSMENT_STATUS, DIRECTION, QUESTION, INSTRUMENT_TYPE, INSTRUMENT_STATUS, SEVERITY, CATEGORY, FAMILY,
        CHECK_STATUS, RESTRICTION_CLASS, FACILITATION_CLASS, REPRISAL_TYPE, TARGET_TYPE, THEME, DIMENSION,
        DISCLOSURE, SOURCE_KIND, VERIFICATION, CONFIDENCE,
    )
}

RESTRICTING_CATEGORIES = tuple(t.value for t in CATEGORY if t.side == R)
FACILITATING_CATEGORIES = tuple(t.value for t in CATEGORY if t.side == F)
# Statuses that end an instrument; each has a date field of the same name.
END_STATUSES = ("repealed", "superseded", "struck_down", "suspended")
# category → the families it answers (a category belongs to at most one family)
CATEGORY_FAMILY = {c: f.value for f in FAMILY for c in f.categories}
