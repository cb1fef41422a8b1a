"""The vocabulary of the dataset: every coded value with its en/fr/es label and definition.

This module is the one source of truth. The pydantic models (records.py), the datapackage
schema (export.py), figure labels and ``docs/codebook.md`` are all derived from it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

LANGS = ("en", "fr", "es")


@dataclass(frozen=True)
class Term:
    """One coded value: its labels in three languages and a one-line definition."""

    value: str
    en: str
    fr: str
    es: str
    definition: str
    side: str | None = None  # categories only: "restricts" or "facilitates"
    question: str | None = None  # question of the call the value comes from

    def label(self, lang: str = "en") -> str:
        if lang not in LANGS:
            raise ValueError(f"unknown language {lang!r}; expected one of {', '.join(LANGS)}")
        return getattr(self, lang)


@dataclass(frozen=True)
class Vocabulary:
    """A named, ordered list of terms (order is the display order)."""

    name: str
    title: str
    description: str
    terms: tuple[Term, ...]
    by_value: dict = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        object.__setattr__(self, "by_value", {t.value: t for t in self.terms})

    def __contains__(self, value) -> bool:
        return value in self.by_value

    def __iter__(self):
        return iter(self.terms)

    def values(self) -> list[str]:
        return [t.value for t in self.terms]

    def label(self, value, lang: str = "en") -> str:
        return self.by_value[value].label(lang)


def _v(name, title, description, *terms):
    return Vocabulary(name, title, description, tuple(Term(*t) if isinstance(t, tuple) else t for t in terms))


R, F = "restricts", "facilitates"

ASSESSMENT_STATUS = _v(
    "assessment_status", "Assessment status",
    "Whether a jurisdiction has been looked at. An assessed jurisdiction with no instruments means "
    "'assessed, none found', which is a different fact from 'not assessed'.",
    ("assessed", "Assessed", "Évalué", "Evaluado",
     "Coders reviewed the recognised sources and coded what they document (possibly nothing)."),
    ("not_assessed", "Not assessed", "Non évalué", "No evaluado",
     "No one has reviewed this jurisdiction yet; absence of rows says nothing."),
)

DIRECTION = _v(
    "direction", "Direction",
    "What an instrument does to cross-border civil-society solidarity.",
    ("restricts", "Restricts", "Restreint", "Restringe",
     "Limits, burdens or penalises cross-border solidarity (question 5 of the call)."),
    ("facilitates", "Facilitates", "Facilite", "Facilita",
     "Enables or protects cross-border solidarity (question 4 of the call)."),
    ("mixed", "Mixed", "Mixte", "Mixto",
     "Contains both restricting and facilitating provisions; coded in categories of both sides."),
)

QUESTION = _v(
    "question", "Question of the call",
    "Which question of the Independent Expert's call the instrument answers.",
    ("Q4", "Question 4 (facilitates)", "Question 4 (facilite)", "Pregunta 4 (facilita)",
     "Laws, policies or initiatives that facilitate solidarity across borders."),
    ("Q5", "Question 5 (restricts)", "Question 5 (restreint)", "Pregunta 5 (restringe)",
     "Laws, policies or measures that restrict solidarity across borders."),
    ("both", "Questions 4 and 5", "Questions 4 et 5", "Preguntas 4 y 5",
     "A mixed instrument answering both questions."),
)

INSTRUMENT_TYPE = _v(
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

INSTRUMENT_STATUS = _v(
    "instrument_status", "Instrument status", "Legal status of an instrument on the assessment date.",
    ("in_force", "In force", "En vigueur", "En vigor", "Applies today."),
    ("repealed", "Repealed", "Abrogé", "Derogado", "Withdrawn by a later act; `repealed` gives when."),
    ("struck_down", "Struck down", "Annulé", "Anulado",
     "Annulled by a court; `struck_down` gives when."),
    ("partly_suspended", "Partly suspended", "Partiellement suspendu", "Parcialmente suspendido",
     "In force, but a court or the government has suspended some provisions."),
    ("pending", "Pending", "En attente", "Pendiente", "Not in force: a bill or an adopted text awaiting entry into force."),
)

SEVERITY = _v(
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

CONFIDENCE = _v(
    "confidence", "Confidence", "How sure the coder is of every detail of the row.",
    ("high", "High", "Élevée", "Alta",
     "Checked against the official text or several concordant recognised sources."),
    ("medium", "Medium", "Moyenne", "Media",
     "Documented by one recognised source; details such as exact dates may be incomplete."),
    ("low", "Low", "Faible", "Baja",
     "Reported, but details are uncertain; see `notes` for what is unsure."),
)

VERIFICATION = _v(
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

SOURCE_KIND = _v(
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

DISCLOSURE = _v(
    "disclosure", "Disclosure", "What may be published about a reprisal case.",
    ("public_record", "Public record", "Domaine public", "Registro público",
     "Already published by the UN or a recognised monitor; an organisation or public figure may be "
     "named as there."),
    ("anonymised", "Anonymised", "Anonymisé", "Anonimizado",
     "Only country, year, reprisal types and target type are published."),
    ("confidential", "Confidential", "Confidentiel", "Confidencial",
     "Never exported and counted nowhere outside the coded file."),
)

REPRISAL_TYPE = _v(
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

TARGET_TYPE = _v(
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

THEME = _v(
    "theme", "Solidarity theme", "The seven expressions of international solidarity named in the call.",
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
)

DIMENSION = _v(
    "dimension", "Further dimension", "Other questions of the call a row bears on.",
    ("platform_access", "Platform access", "Accès aux plateformes", "Acceso a plataformas",
     "Access to media or digital platforms is limited (question 3).", None, "Q3"),
    ("discrimination", "Discrimination", "Discrimination", "Discriminación",
     "Applies or bites differently by ethnic origin, sex, nationality, religion, LGBTQ status, etc. (question 7).",
     None, "Q7"),
    ("student_groups", "Student groups", "Groupes d'étudiants", "Grupos estudiantiles",
     "Concerns school or university student groups (question 8).", None, "Q8"),
)

CATEGORY = _v(
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

VOCABULARIES: dict[str, Vocabulary] = {
    v.name: v
    for v in (
        ASSESSMENT_STATUS, DIRECTION, QUESTION, INSTRUMENT_TYPE, INSTRUMENT_STATUS, SEVERITY, CATEGORY,
        REPRISAL_TYPE, TARGET_TYPE, THEME, DIMENSION, DISCLOSURE, SOURCE_KIND, VERIFICATION, CONFIDENCE,
    )
}

RESTRICTING_CATEGORIES = tuple(t.value for t in CATEGORY if t.side == R)
FACILITATING_CATEGORIES = tuple(t.value for t in CATEGORY if t.side == F)

# Cases whose disclosure allows them in any table, count or figure outside the coded file.
EXPORTABLE_DISCLOSURES = ("public_record", "anonymised")
# Sources that make a case "already published by the UN or a recognised monitor".
PUBLIC_RECORD_SOURCE_KINDS = ("un_document", "monitor")

PANEL_START = 1990

# The derived country-year measures: column name, en/fr/es label, and formula.
FORMULAS = (
    ("in_force", "In force", "En vigueur", "En vigor",
     "An instrument is in force in year Y when start ≤ Y and (end is empty or Y < end), where start is "
     "`in_force` (or `adopted` when `in_force` is empty) and end is the year of `repealed` or "
     "`struck_down`. Bills and pending instruments are never in force. An instrument repealed in 2021 "
     "leaves the panel in 2021."),
    ("restrictive_in_force", "Restrictive instruments in force", "Instruments restrictifs en vigueur",
     "Instrumentos restrictivos en vigor",
     "Number of instruments with direction `restricts` or `mixed` in force in the year."),
    ("facilitating_in_force", "Facilitating instruments in force", "Instruments facilitateurs en vigueur",
     "Instrumentos facilitadores en vigor",
     "Number of instruments with direction `facilitates` or `mixed` in force in the year."),
    ("max_severity", "Maximum severity", "Sévérité maximale", "Severidad máxima",
     "Highest severity (1–3) among restricting instruments in force; 0 when none is in force."),
    ("restriction_score", "Restriction score", "Score de restriction", "Puntuación de restricción",
     "Sum over the 16 restricting categories of the highest severity in force in that category "
     "(0–48). A country is not penalised twice for two laws doing the same thing."),
    ("facilitation_score", "Facilitation score", "Score de facilitation", "Puntuación de facilitación",
     "Number of the 10 facilitating categories with at least one instrument in force (0–10)."),
    ("restrictive_categories", "Restricting categories in force", "Catégories restrictives en vigueur",
     "Categorías restrictivas en vigor",
     "Number of the 16 restricting categories with at least one instrument in force (0–16)."),
    ("balance", "Balance", "Équilibre", "Equilibrio",
     "facilitation_score − restrictive_categories: positive where more facilitating than restricting "
     "categories are in force, negative where restrictions dominate."),
    ("public_cases", "Public reprisal cases", "Cas de représailles publics", "Casos de represalias públicos",
     "Number of cases with disclosure `public_record` or `anonymised` dated in the year. "
     "Confidential cases are counted nowhere."),
)


def vocabulary(name: str) -> Vocabulary:
    """The vocabulary called ``name`` (KeyError names the known ones)."""
    try:
        return VOCABULARIES[name]
    except KeyError:
        raise KeyError(f"no vocabulary {name!r}; known: {', '.join(VOCABULARIES)}") from None


def label(vocab: str, value, lang: str = "en") -> str:
    """Label of ``value`` in vocabulary ``vocab``, in ``lang``."""
    return vocabulary(vocab).label(str(value), lang)


def formula_label(column: str, lang: str = "en") -> str:
    """Label of a derived country-year column."""
    for name, en, fr, es, _ in FORMULAS:
        if name == column:
            return {"en": en, "fr": fr, "es": es}[lang]
    raise KeyError(column)


def to_markdown() -> str:
    """The codebook as Markdown (written to docs/codebook.md by `solidarity-data codebook`)."""
    out = [
        "# Codebook",
        "",
        "Generated from `solidarity_data/codebook.py` by `solidarity-data codebook`; do not edit by hand.",
        "",
    ]
    for v in VOCABULARIES.values():
        out += [f"## {v.title} (`{v.name}`)", "", v.description, ""]
        extra = any(t.side for t in v.terms)
        head = "| value | English | français | español |" + (" side |" if extra else "") + " definition |"
        out += [head, "|" + "---|" * (head.count("|") - 1)]
        for t in v.terms:
            side = f" {t.side} |" if extra else ""
            out.append(f"| `{t.value}` | {t.en} | {t.fr} | {t.es} |{side} {t.definition} |")
        out.append("")
    out += ["## Derived country-year measures", "",
            f"The panel runs from {PANEL_START} to the current year, one row per jurisdiction and year.", "",
            "| column | English | français | español | formula |", "|---|---|---|---|---|"]
    for name, en, fr, es, formula in FORMULAS:
        out.append(f"| `{name}` | {en} | {fr} | {es} | {formula} |")
    out += ["", "## Data dictionary", "", "Columns of the release tables (`build`), identical in Python and CSV.", "",
            "| column | type | vocabulary | description |", "|---|---|---|---|"]
    for name, (ftype, vocab, desc) in sorted(FIELDS.items()):
        out.append(f"| `{name}` | {ftype} | {f'`{vocab}`' if vocab else ''} | {desc} |")
    out.append("")
    return "\n".join(out)


# The data dictionary of the release tables: column → (frictionless type, vocabulary or None, description).
# Shared by the tables, the datapackage schema and docs/codebook.md.
_LIST = " Several values are joined with ';'."
_PDATE = "Date as YYYY, YYYY-MM or YYYY-MM-DD (as precise as is known)."
FIELDS: dict[str, tuple[str, str | None, str]] = {
    "iso3": ("string", None, "ISO 3166-1 alpha-3 code (XKX for Kosovo)."),
    "iso2": ("string", None, "ISO 3166-1 alpha-2 code."),
    "numeric": ("string", None, "ISO 3166-1 numeric code (also the UN M49 code), zero-padded."),
    "country": ("string", None, "UN-style short name in English."),
    "name_en": ("string", None, "UN-style short name in English."),
    "name_fr": ("string", None, "UN-style short name in French."),
    "name_es": ("string", None, "UN-style short name in Spanish."),
    "un_member": ("boolean", None, "Member State of the United Nations."),
    "un_observer": ("boolean", None, "Non-member observer State (Holy See, State of Palestine)."),
    "region": ("string", None, "UN M49 region."),
    "subregion": ("string", None, "UN M49 sub-region."),
    "intermediate_region": ("string", None, "UN M49 intermediate region, where there is one."),
    "region_code": ("string", None, "UN M49 region code."),
    "subregion_code": ("string", None, "UN M49 sub-region code."),
    "intermediate_region_code": ("string", None, "UN M49 intermediate region code."),
    "assessment_status": ("string", "assessment_status", "Whether the jurisdiction has been assessed."),
    "assessed_on": ("date", None, "When the jurisdiction was last assessed."),
    "n_instruments": ("integer", None, "Number of coded instruments."),
    "n_public_cases": ("integer", None, "Number of exportable (public-record or anonymised) cases."),
    "instrument_id": ("string", None, "Identifier: ISO3-adoption year-slug."),
    "title": ("string", None, "Title in the original language."),
    "title_en": ("string", None, "Title in English."),
    "instrument_type": ("string", "instrument_type", "Legal form."),
    "direction": ("string", "direction", "Restricts, facilitates or mixed."),
    "question": ("string", "question", "Question of the call answered."),
    "categories": ("string", "category", "What the instrument regulates." + _LIST),
    "targets": ("string", "target_type", "Who the instrument applies to." + _LIST),
    "severity": ("integer", "severity", "Severity rubric 1–3 (restricting instruments only)."),
    "adopted": ("string", None, "Adoption. " + _PDATE),
    "adopted_year": ("integer", None, "Year of adoption."),
    "in_force": ("string", None, "Entry into force. " + _PDATE),
    "in_force_year": ("integer", None, "Year of entry into force."),
    "repealed": ("string", None, "Repeal. " + _PDATE),
    "repealed_year": ("integer", None, "Year of repeal."),
    "struck_down": ("string", None, "Annulment by a court. " + _PDATE),
    "struck_down_year": ("integer", None, "Year of annulment."),
    "amended": ("string", None, "Dated amendments as 'date: note'." + _LIST),
    "status": ("string", "instrument_status", "Status on the assessment date."),
    "summary": ("string", None, "Neutral summary of what the row does to cross-border solidarity."),
    "themes": ("string", "theme", "Solidarity themes of the call." + _LIST),
    "dimensions": ("string", "dimension", "Questions 3, 7 or 8 the row bears on." + _LIST),
    "source_urls": ("string", None, "Addresses of the sources (full records in sources.csv)." + _LIST),
    "verification": ("string", "verification", "How the row was checked."),
    "verification_note": ("string", None, "What exactly was checked."),
    "confidence": ("string", "confidence", "How sure the coder is."),
    "notes": ("string", None, "What is uncertain or left out."),
    "category": ("string", "category", "One category of the instrument."),
    "side": ("string", None, "Side of the category: restricts or facilitates."),
    "case_id": ("string", None, "Identifier: ISO3-year-slug (anonymised cases get a neutral id)."),
    "year": ("integer", None, "Year."),
    "date": ("string", None, _PDATE),
    "reprisal_types": ("string", "reprisal_type", "Reprisal types of question 5." + _LIST),
    "reprisal_type": ("string", "reprisal_type", "One reprisal type of the case."),
    "target_type": ("string", "target_type", "Who was targeted."),
    "target_name": ("string", None, "Name as published by the UN or a recognised monitor (public-record cases only)."),
    "instrument_ids": ("string", None, "Instruments applied in the case." + _LIST),
    "disclosure": ("string", "disclosure", "Disclosure level (confidential cases are never exported)."),
    "record_type": ("string", None, "instrument or case."),
    "record_id": ("string", None, "The instrument_id or case_id the source belongs to."),
    "position": ("integer", None, "Order of the source within its record."),
    "publisher": ("string", None, "Publisher of the source."),
    "url": ("string", None, "Address of the source."),
    "kind": ("string", "source_kind", "Kind of source."),
}
FIELDS.update({name: ("integer", None, formula) for name, _, _, _, formula in FORMULAS if name != "in_force"})
FIELDS.update({f"cases_{t.value}": ("integer", None, f"Exportable cases in the year with reprisal type '{t.value}'.")
               for t in REPRISAL_TYPE})
FIELDS["in_force"] = ("string", None, "Entry into force. " + _PDATE)
LIST_FIELDS = frozenset(k for k, (_, _, d) in FIELDS.items() if d.endswith(_LIST))
FIELDS["instruments_in_force"] = ("integer", None, "Instruments of the category in force in the year.")
