<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>BatchForm</name>
    <message numerus="yes">
        <source>%n recipient(s) selected</source>
        <translation>
            <numerusform>%n recipient selected</numerusform>
            <numerusform>%n recipients selected</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BatchTab</name>
    <message numerus="yes">
        <source>{done} of %n letter(s)</source>
        <translation>
            <numerusform>{done} of %n letter</numerusform>
            <numerusform>{done} of %n letters</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stopped after {done} of %n letter(s)</source>
        <translation>
            <numerusform>Stopped after {done} of %n letter</numerusform>
            <numerusform>Stopped after {done} of %n letters</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancelled after {done} of %n letter(s)</source>
        <translation>
            <numerusform>Cancelled after {done} of %n letter</numerusform>
            <numerusform>Cancelled after {done} of %n letters</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>All %n letter(s) already up to date: nothing to write.</source>
        <translation>
            <numerusform>All %n letter already up to date: nothing to write.</numerusform>
            <numerusform>All %n letters already up to date: nothing to write.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Finished: %n letter(s) written, {failed} failed (see below).</source>
        <translation>
            <numerusform>Finished: %n letter written, {failed} failed (see below).</numerusform>
            <numerusform>Finished: %n letters written, {failed} failed (see below).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Done: {done} of %n letter(s)</source>
        <translation>
            <numerusform>Done: {done} of %n letter</numerusform>
            <numerusform>Done: {done} of %n letters</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Finished: %n letter(s) written.</source>
        <translation>
            <numerusform>Finished: %n letter written.</numerusform>
            <numerusform>Finished: %n letters written.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n file</numerusform>
            <numerusform>%n files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n process(es)</source>
        <translation>
            <numerusform>%n process</numerusform>
            <numerusform>%n processes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CaseQuestions</name>
    <message numerus="yes">
        <source>… and %n more (Show Details…)</source>
        <translation>
            <numerusform>… and %n more (Show Details…)</numerusform>
            <numerusform>… and %n more (Show Details…)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{item} is still cited in %n place(s):</source>
        <translation>
            <numerusform>{item} is still cited in %n place:</numerusform>
            <numerusform>{item} is still cited in %n places:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{item} is still used in %n place(s):</source>
        <translation>
            <numerusform>{item} is still used in %n place:</numerusform>
            <numerusform>{item} is still used in %n places:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CaseTab</name>
    <message numerus="yes">
        <source>The case file has %n problem(s) (listed below). You can correct them here; the file is saved only once the case is valid.</source>
        <translation>
            <numerusform>The case file has %n problem (listed below). You can correct them here; the file is saved only once the case is valid.</numerusform>
            <numerusform>The case file has %n problems (listed below). You can correct them here; the file is saved only once the case is valid.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not saved: the case has %n problem(s) (listed below and at their fields). Nothing was written.</source>
        <translation>
            <numerusform>Not saved: the case has %n problem (listed below and at their fields). Nothing was written.</numerusform>
            <numerusform>Not saved: the case has %n problems (listed below and at their fields). Nothing was written.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CaseWords</name>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n event</numerusform>
            <numerusform>%n events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n fact(s)</source>
        <translation>
            <numerusform>%n fact</numerusform>
            <numerusform>%n facts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n argument(s)</source>
        <translation>
            <numerusform>%n argument</numerusform>
            <numerusform>%n arguments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n demand(s)</source>
        <translation>
            <numerusform>%n demand</numerusform>
            <numerusform>%n demands</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n supporter(s)</source>
        <translation>
            <numerusform>%n supporter</numerusform>
            <numerusform>%n supporters</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n source(s)</source>
        <translation>
            <numerusform>%n source</numerusform>
            <numerusform>%n sources</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ComposeLetters</name>
    <message numerus="yes">
        <source>{matched} of %n recipient(s) match the audience “{audience}”.</source>
        <translation>
            <numerusform>{matched} of %n recipient match the audience “{audience}”.</numerusform>
            <numerusform>{matched} of %n recipients match the audience “{audience}”.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Showing the %n recipient(s) of “{query}” it will go to when they are.</source>
        <translation>
            <numerusform>Showing the %n recipient of “{query}” it will go to when they are.</numerusform>
            <numerusform>Showing the %n recipients of “{query}” it will go to when they are.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Showing all %n recipient(s).</source>
        <translation>
            <numerusform>Showing all %n recipient.</numerusform>
            <numerusform>Showing all %n recipients.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ComposeTab</name>
    <message numerus="yes">
        <source>%n template(s) in letter_templates/</source>
        <translation>
            <numerusform>%n template in letter_templates/</numerusform>
            <numerusform>%n templates in letter_templates/</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message numerus="yes">
        <source>%Ln row(s) not imported saved to {path}.</source>
        <translation>
            <numerusform>%Ln row not imported saved to {path}.</numerusform>
            <numerusform>%Ln rows not imported saved to {path}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportDialogView</name>
    <message numerus="yes">
        <source>&lt;b&gt;{added}&lt;/b&gt; to add · &lt;b&gt;{updated}&lt;/b&gt; to update · &lt;b&gt;{unchanged}&lt;/b&gt; unchanged · &lt;b&gt;{skipped}&lt;/b&gt; not imported{repeated} — of %Ln row(s). New entries go to &lt;b&gt;{target}&lt;/b&gt;.</source>
        <translation>
            <numerusform>&lt;b&gt;{added}&lt;/b&gt; to add · &lt;b&gt;{updated}&lt;/b&gt; to update · &lt;b&gt;{unchanged}&lt;/b&gt; unchanged · &lt;b&gt;{skipped}&lt;/b&gt; not imported{repeated} — of %Ln row. New entries go to &lt;b&gt;{target}&lt;/b&gt;.</numerusform>
            <numerusform>&lt;b&gt;{added}&lt;/b&gt; to add · &lt;b&gt;{updated}&lt;/b&gt; to update · &lt;b&gt;{unchanged}&lt;/b&gt; unchanged · &lt;b&gt;{skipped}&lt;/b&gt; not imported{repeated} — of %Ln rows. New entries go to &lt;b&gt;{target}&lt;/b&gt;.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Not imported (%Ln row(s))</source>
        <translation>
            <numerusform>&amp;Not imported (%Ln row)</numerusform>
            <numerusform>&amp;Not imported (%Ln rows)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InboxCheck</name>
    <message numerus="yes">
        <source>%n reply(-ies)</source>
        <translation>
            <numerusform>%n reply</numerusform>
            <numerusform>%n replies</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n automatic reply(-ies)</source>
        <translation>
            <numerusform>%n automatic reply</numerusform>
            <numerusform>%n automatic replies</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n bounce(s)</source>
        <translation>
            <numerusform>%n bounce</numerusform>
            <numerusform>%n bounces</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new message(s)</source>
        <translation>
            <numerusform>%n new message</numerusform>
            <numerusform>%n new messages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) speak of a letter but come from an address no letter went to; nothing was recorded. If one answers a letter, select its recipient and press Mark replied:</source>
        <translation>
            <numerusform>%n message speaks of a letter but comes from an address no letter went to; nothing was recorded. If it answers a letter, select its recipient and press Mark replied:</numerusform>
            <numerusform>%n messages speak of a letter but come from addresses no letter went to; nothing was recorded. If one answers a letter, select its recipient and press Mark replied:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) answer a letter by the subject alone, from an address several recipients share; nothing was recorded. If one answers one of them, select that recipient and press Mark replied:</source>
        <translation>
            <numerusform>%n message answers a letter by the subject alone, from an address several recipients share; nothing was recorded. If it answers one of them, select that recipient and press Mark replied:</numerusform>
            <numerusform>%n messages answer a letter by the subject alone, from addresses several recipients share; nothing was recorded. If one answers one of them, select that recipient and press Mark replied:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Read {done} of %n new message(s)…</source>
        <translation>
            <numerusform>Read {done} of %n new message…</numerusform>
            <numerusform>Read {done} of %n new messages…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MarkDialog</name>
    <message numerus="yes">
        <source>Mark — %n recipient(s)</source>
        <translation>
            <numerusform>Mark — %n recipient</numerusform>
            <numerusform>Mark — %n recipients</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>What happened with the letters to these %n recipients: {names}?</source>
        <translation>
            <numerusform>What happened with the letter to %n recipient: {names}?</numerusform>
            <numerusform>What happened with the letters to these %n recipients: {names}?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n selected recipient(s) with no letter in the log are left out.</source>
        <translation>
            <numerusform>%n selected recipient with no letter in the log is left out.</numerusform>
            <numerusform>%n selected recipients with no letter in the log are left out.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Mark %n recipient(s)</source>
        <translation>
            <numerusform>&amp;Mark %n recipient</numerusform>
            <numerusform>&amp;Mark %n recipients</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{names} and %n more</source>
        <translation>
            <numerusform>{names} and %n more</numerusform>
            <numerusform>{names} and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MessagePreview</name>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n byte</numerusform>
            <numerusform>%n bytes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OutreachBrowser</name>
    <message numerus="yes">
        <source>%n recipient(s) in the log</source>
        <translation>
            <numerusform>%n recipient in the log</numerusform>
            <numerusform>%n recipients in the log</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n follow-up(s) due</source>
        <translation>
            <numerusform>%n follow-up due</numerusform>
            <numerusform>%n follow-ups due</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(after %n day(s))</source>
        <translation>
            <numerusform>(after %n day)</numerusform>
            <numerusform>(after %n days)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n recipient(s) selected</source>
        <translation>
            <numerusform>%n recipient selected</numerusform>
            <numerusform>%n recipients selected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n letter(s)</source>
        <translation>
            <numerusform>%n letter</numerusform>
            <numerusform>%n letters</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OutreachModel</name>
    <message numerus="yes">
        <source>%n letter(s) in the log</source>
        <translation>
            <numerusform>%n letter in the log</numerusform>
            <numerusform>%n letters in the log</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OutreachTab</name>
    <message numerus="yes">
        <source>%n letter(s)</source>
        <translation>
            <numerusform>%n letter</numerusform>
            <numerusform>%n letters</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Marked %n recipient(s) {status}</source>
        <translation>
            <numerusform>Marked %n recipient {status}</numerusform>
            <numerusform>Marked %n recipients {status}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nothing was marked: %n of the {count} selected recipients cannot be marked {status}:</source>
        <translation>
            <numerusform>Nothing was marked: %n of the {count} selected recipients cannot be marked {status}:</numerusform>
            <numerusform>Nothing was marked: %n of the {count} selected recipients cannot be marked {status}:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n more: {names}</source>
        <translation>
            <numerusform>and %n more: {names}</numerusform>
            <numerusform>and %n more: {names}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n row(s) to {path}</source>
        <translation>
            <numerusform>Exported %n row to {path}</numerusform>
            <numerusform>Exported %n rows to {path}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlanForm</name>
    <message numerus="yes">
        <source>%n letter(s) to send from {sender} through {server}</source>
        <translation>
            <numerusform>%n letter to send from {sender} through {server}</numerusform>
            <numerusform>%n letters to send from {sender} through {server}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Send %n letter(s) now?</source>
        <translation>
            <numerusform>Send %n letter now?</numerusform>
            <numerusform>Send %n letters now?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PrintDialog</name>
    <message numerus="yes">
        <source>%n recipient(s) without a postal address: not in the print pack</source>
        <translation>
            <numerusform>%n recipient without a postal address: not in the print pack</numerusform>
            <numerusform>%n recipients without a postal address: not in the print pack</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n letter(s) already went out: not in the print pack</source>
        <translation>
            <numerusform>%n letter already went out: not in the print pack</numerusform>
            <numerusform>%n letters already went out: not in the print pack</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n letter(s) printed before but not marked as sent by post: in this pack again; one posted after all must not be posted twice</source>
        <translation>
            <numerusform>%n letter printed before but not marked as sent by post: in this pack again; if it was posted after all, it must not be posted twice</numerusform>
            <numerusform>%n letters printed before but not marked as sent by post: in this pack again; one posted after all must not be posted twice</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{done} of %n letter(s)</source>
        <translation>
            <numerusform>{done} of %n letter</numerusform>
            <numerusform>{done} of %n letters</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n letter(s)</source>
        <translation>
            <numerusform>%n letter</numerusform>
            <numerusform>%n letters</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecipientsBrowser</name>
    <message numerus="yes">
        <source>The recipient directory has %n problem(s). Correct them in the files named below, then press Reload (F5).</source>
        <translation>
            <numerusform>The recipient directory has %n problem. Correct them in the files named below, then press Reload (F5).</numerusform>
            <numerusform>The recipient directory has %n problems. Correct them in the files named below, then press Reload (F5).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %Ln recipient(s)</source>
        <translation>
            <numerusform>{shown} of %Ln recipient</numerusform>
            <numerusform>{shown} of %Ln recipients</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{count} not verified in %Ln day(s)</source>
        <translation>
            <numerusform>{count} not verified in %Ln day</numerusform>
            <numerusform>{count} not verified in %Ln days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecipientsModel</name>
    <message numerus="yes">
        <source>Last verified %Ln day(s) ago (more than {limit}, the campaign&apos;s freshness_days): people change office — check the entry at its source and update verified_on.</source>
        <translation>
            <numerusform>Last verified %Ln day ago (more than {limit}, the campaign&apos;s freshness_days): people change office — check the entry at its source and update verified_on.</numerusform>
            <numerusform>Last verified %Ln days ago (more than {limit}, the campaign&apos;s freshness_days): people change office — check the entry at its source and update verified_on.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SectionModel</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n month(s)</source>
        <translation>
            <numerusform>%n month</numerusform>
            <numerusform>%n months</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stated as of {date}: %n day(s) ago, more than the campaign&apos;s facts_stale_after_days ({limit}). A letter stating it as current may no longer be true: check it, then update its text and As of — or date it in the letter.</source>
        <translation>
            <numerusform>Stated as of {date}: %n day ago, more than the campaign&apos;s facts_stale_after_days ({limit}). A letter stating it as current may no longer be true: check it, then update its text and As of — or date it in the letter.</numerusform>
            <numerusform>Stated as of {date}: %n days ago, more than the campaign&apos;s facts_stale_after_days ({limit}). A letter stating it as current may no longer be true: check it, then update its text and As of — or date it in the letter.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SendDialog</name>
    <message numerus="yes">
        <source>Checking the %n letter(s) to attach (writing any missing)…</source>
        <translation>
            <numerusform>Checking the %n letter to attach (writing any missing)…</numerusform>
            <numerusform>Checking the %n letters to attach (writing any missing)…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{done} of %n message(s)</source>
        <translation>
            <numerusform>{done} of %n message</numerusform>
            <numerusform>{done} of %n messages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SendDialogLayout</name>
    <message numerus="yes">
        <source>Show the first %n message(s) as they will be sent</source>
        <translation>
            <numerusform>Show the first %n message as they will be sent</numerusform>
            <numerusform>Show the first %n messages as they will be sent</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message numerus="yes">
        <source>%n recipient(s) without an e-mail address: print or upload their letter (Letter file column, in {folder}), then mark them sent by post or web form in the Outreach tab.</source>
        <translation>
            <numerusform>%n recipient without an e-mail address: print or upload their letter (Letter file column, in {folder}), then mark them sent by post or web form in the Outreach tab.</numerusform>
            <numerusform>%n recipients without an e-mail address: print or upload their letter (Letter file column, in {folder}), then mark them sent by post or web form in the Outreach tab.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Dry run: %n message(s) written as .eml files in {time}; nothing was sent.</source>
        <translation>
            <numerusform>Dry run: %n message written as .eml files in {time}; nothing was sent.</numerusform>
            <numerusform>Dry run: %n messages written as .eml files in {time}; nothing was sent.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stopped: {done} of %n letter(s) sent in {time}.</source>
        <translation>
            <numerusform>Stopped: {done} of %n letter sent in {time}.</numerusform>
            <numerusform>Stopped: {done} of %n letters sent in {time}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancelled: {done} of %n letter(s) sent in {time}; Send again to send the rest.</source>
        <translation>
            <numerusform>Cancelled: {done} of %n letter sent in {time}; Send again to send the rest.</numerusform>
            <numerusform>Cancelled: {done} of %n letters sent in {time}; Send again to send the rest.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Finished: {done} of %n letter(s) sent in {time}; see the problems below.</source>
        <translation>
            <numerusform>Finished: {done} of %n letter sent in {time}; see the problems below.</numerusform>
            <numerusform>Finished: {done} of %n letters sent in {time}; see the problems below.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Finished: %n letter(s) sent in {time}.</source>
        <translation>
            <numerusform>Finished: %n letter sent in {time}.</numerusform>
            <numerusform>Finished: %n letters sent in {time}.</numerusform>
        </translation>
    </message>
</context>
</TS>
