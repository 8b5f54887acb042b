"""The aanspreekpunt's case desk ('My cases'): cases and requests to be contacted."""

from __future__ import annotations

from dialogs.catalogue import ACTION_GROUPS, OUTCOMES
from dialogs.flow import EXIT_MENU, Flow, Option, Step, StepKind
from dialogs.i18n import N_

#: A case effect that finds the contact may not touch the case returns to their list.
REFUSED = {"refused": "case_list"}


def callback_desk_steps() -> tuple[Step, ...]:
    """A request to be contacted in 'My cases': claim, write to the melder, note, close."""
    return (
        Step(
            name="callback_view",
            kind=StepKind.CHOICE,
            slot="callback_nav",
            prompt=N_("What do you want to do?"),
            render="callback_view",
            options=(
                Option("claim", N_("I'll pick this up"), effect="claim_callback"),
                Option("message", N_("Send the melder a message")),
                Option("note", N_("Add an internal note")),
                Option("close", N_("Mark as done"), effect="close_callback"),
                Option("case", N_("Open the report"), effect="open_callback_case"),
                Option("list", N_("Back to my cases"), synonyms=("lijst", "list")),
                Option("menu", N_("Back to the menu"), synonyms=("menu",)),
            ),
            options_filter="callback_actions",
            next={
                "claim": "callback_view",
                "message": "callback_message",
                "note": "callback_note",
                "close": "callback_view",
                "case": "case_view",
                "list": "case_list",
                "menu": EXIT_MENU,
            },
            outcomes=REFUSED,
        ),
        Step(
            name="callback_message",
            kind=StepKind.TEXT,
            verbatim=True,
            slot="callback_text",
            prompt=N_(
                "Type your message for the melder. The bot passes it on in their chat; if "
                "they are anonymous, you will not learn who they are."
            ),
            effect="relay_callback_message",
            outcomes=REFUSED,
            max_length=2000,
            next="callback_view",
        ),
        Step(
            name="callback_note",
            kind=StepKind.TEXT,
            verbatim=True,
            slot="callback_note_text",
            prompt=N_("Type your note. Only the contact persons of this request see it."),
            effect="add_callback_note",
            outcomes=REFUSED,
            max_length=4000,
            next="callback_view",
        ),
    )


CASES = Flow(
    name="cases",
    title=N_("My cases"),
    start="case_list",
    casework=True,
    steps=(
        Step(
            name="case_list",
            kind=StepKind.CHOICE,
            slot="case_code",
            prompt=N_("Which case do you want to read?"),
            render="case_list",
            options=(Option("menu", N_("Back to the menu"), synonyms=("menu", "terug")),),
            options_from="my_cases",
            on_unknown="guessed_case_code",
            # A request to be contacted has a view of its own.
            effect="open_work_item",
            outcomes={"callback": "callback_view"},
            next={"menu": EXIT_MENU, "*": "case_view"},
        ),
        Step(
            name="case_view",
            kind=StepKind.CHOICE,
            slot="case_nav",
            prompt=N_("What do you want to do?"),
            render="case_view",
            options=(
                Option("claim", N_("I'll pick this up"), effect="claim_case"),
                Option("ask", N_("Ask the melder a question")),
                Option("note", N_("Add an internal note")),
                Option("action", N_("Record an action taken")),
                Option("progress", N_("Mark as in progress"), effect="mark_in_progress"),
                Option("feedback", N_("Give the melder feedback")),
                Option("close", N_("Close with feedback to the melder")),
                Option("handover", N_("Hand over to someone else")),
                Option(
                    "evidence",
                    N_("Receive the evidence files"),
                    synonyms=("bewijs", "bewijsstukken", "bestanden", "evidence", "files"),
                    effect="send_evidence",
                    quiet=True,
                ),
                Option(
                    "dossier",
                    N_("Dossier for the police (PDF)"),
                    synonyms=("dossier", "politie", "aangifte", "police"),
                    effect="send_case_dossier",
                    quiet=True,
                ),
                Option("list", N_("Back to my cases"), synonyms=("lijst", "list")),
                Option("menu", N_("Back to the menu"), synonyms=("menu",)),
            ),
            options_filter="case_actions",
            next={
                "claim": "case_view",
                "ask": "ask",
                "note": "note",
                "action": "action_group",
                "progress": "case_view",
                "feedback": "feedback",
                "close": "close_outcome",
                "handover": "handover",
                "evidence": "case_view",
                "dossier": "case_view",
                "list": "case_list",
                "menu": EXIT_MENU,
            },
            outcomes=REFUSED,
        ),
        Step(
            name="ask",
            kind=StepKind.TEXT,
            verbatim=True,
            slot="question_text",
            prompt=N_(
                "Type your question for the melder. The bot passes it on in their chat; if "
                "they reported anonymously, you will not learn who they are."
            ),
            effect="relay_question",
            outcomes=REFUSED,
            max_length=2000,
            next="case_view",
        ),
        Step(
            name="note",
            kind=StepKind.TEXT,
            verbatim=True,
            slot="note_text",
            prompt=N_(
                "Type your note. Only contact persons of this case see it, never the melder."
            ),
            effect="add_note",
            outcomes=REFUSED,
            max_length=4000,
            next="case_view",
        ),
        Step(
            name="feedback",
            kind=StepKind.TEXT,
            verbatim=True,
            slot="feedback_text",
            prompt=N_(
                "Write the melder what has been done with their report so far, and what comes "
                "next. They read it in their chat with the bot; the case stays open."
            ),
            effect="give_feedback",
            outcomes=REFUSED,
            max_length=2000,
            next="case_view",
        ),
        Step(
            name="action_group",
            kind=StepKind.CHOICE,
            slot="action_group",
            prompt=N_("What kind of action? (From the list 'Incident? Actie!')"),
            options=(
                *(Option(gid, label) for gid, label, _ in ACTION_GROUPS),
                Option("own", N_("Another action (describe it)")),
            ),
            next={"own": "action_text", "*": "action_pick"},
        ),
        Step(
            name="action_pick",
            kind=StepKind.CHOICE,
            slot="action_code",
            prompt=N_("Which action was taken?"),
            options_from="actions_in_group",
            effect="record_action",
            outcomes=REFUSED,
            next="case_view",
        ),
        Step(
            name="action_text",
            kind=StepKind.TEXT,
            verbatim=True,
            slot="action_text",
            prompt=N_("Describe the action that was taken."),
            effect="record_action",
            outcomes=REFUSED,
            max_length=1000,
            next="case_view",
        ),
        Step(
            name="close_outcome",
            kind=StepKind.CHOICE,
            slot="outcome",
            prompt=N_("What is the outcome?"),
            options=tuple(Option(oid, label) for oid, label in OUTCOMES),
            next="close_feedback",
        ),
        Step(
            name="close_feedback",
            kind=StepKind.TEXT,
            verbatim=True,
            slot="feedback_text",
            prompt=N_(
                "Write a short message for the melder: what was done with their report. They "
                "read it in their chat with the bot."
            ),
            effect="close_case",
            outcomes=REFUSED,
            max_length=2000,
            next="case_view",
        ),
        Step(
            name="handover",
            kind=StepKind.CHOICE,
            slot="handover_to",
            prompt=N_(
                "To whom do you want to hand over this case? The melder is told that someone "
                "else takes it over, not who."
            ),
            options_from="handover_contacts",
            options=(Option("cancel_handover", N_("Do not hand over")),),
            effect="hand_over",
            outcomes={**REFUSED, "no_candidates": "case_view"},
            next={"cancel_handover": "case_view", "*": "case_list"},
        ),
        *callback_desk_steps(),
    ),
)
