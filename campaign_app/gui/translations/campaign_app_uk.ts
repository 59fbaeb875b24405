<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="uk">
<context>
    <name>BatchForm</name>
    <message>
        <source>No campaign is open: open a campaign folder with File ▸ Open campaign folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This campaign has no letter templates yet: write one in the Compose tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audience of this template: {audience}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(everyone)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counting recipients…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{reason}: nothing to write yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n recipient(s) selected</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Tick PDF, DOCX or both</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write one letter per selected recipient (Ctrl+Return)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the output folder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BatchTab</name>
    <message>
        <source>{path} is a file, not a folder — choose a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing: choosing recipients and checking the first letter…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling: finishing the letters in progress…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>{done} of %n letter(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to write: every letter is up to date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · {failed} failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · cancelling: finishing the letters in progress…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · {time} left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · estimating time left…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was generated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled: {written} written; run again to finish the rest.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Cancelled after {done} of %n letter(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>All %n letter(s) already up to date: nothing to write.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to write.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Finished: %n letter(s) written, {failed} failed (see below).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Done: {done} of %n letter(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Finished: %n letter(s) written.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n process(es)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Closing: finishing the letters in progress, then the window closes…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BatchWidgets</name>
    <message>
        <source>Letters to generate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Template:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional, e.g.  country:DE  tag:droi  -tag:contacted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Narrows the template&apos;s audience: field:value terms (category, country, tag, language…) and words matched against name, position and organisation. All terms must match; -term excludes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Narrow by &amp;query:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;DOCX (editable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Formats:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;aper:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the letters and manifest.json go; a relative path is inside the campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output fo&amp;lder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Generate letters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write one letter per selected recipient (Ctrl+Return)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Print pack…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One PDF to print and post: the letters to recipients with a postal address, then envelopes or labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ca&amp;ncel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop after the letters in progress (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Letters written:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already up to date (skipped):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time taken:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open fold&amp;er</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the letters in the file manager</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseNavigation</name>
    <message>
        <source>{shown} of {total} shown</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseQuestions</name>
    <message>
        <source>Deleting it changes nothing else: correct these citations yourself. The case will not save while a fact, event, supporter or argument point still cites it, and the templates listed fail until their cite() or fact() is changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>… and %n more (Show Details…)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{item} is still cited in %n place(s):</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{item} is still used in %n place(s):</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The templates listed fail until they no longer use it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case file was changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case file was changed by another program since it was opened here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overwrite it with your version, or cancel and use Revert to load the other version (your changes here are then lost).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overwrite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revert the case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard every change made to the case since it was last saved?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseTab</name>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The case file has %n problem(s) (listed below). You can correct them here; the file is saved only once the case is valid.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The case file cannot be opened:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No case open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case id: {id} · letter languages: {languages} · the case id and languages are changed in the file itself</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{item}, which cites it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source “{id}” deleted. Correct the places that cited it before saving.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Not saved: the case has %n problem(s) (listed below and at their fields). Nothing was written.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Saved at {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed elsewhere: Revert to load it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No changes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseWidgets</name>
    <message>
        <source>Overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Facts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arguments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demands</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supporters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No campaign open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R&amp;evert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard the changes made since the case was last saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the case and write it to its file ({shortcut})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parts of the case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sectio&amp;ns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Words in any column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quick filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected item (Del in the table)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseWords</name>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No event selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete event “{id}”?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the event “{id}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add fact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No fact selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete fact “{id}”?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete fact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the fact “{id}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Argument</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add argument</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No argument selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete argument “{id}”?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete argument</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the argument “{id}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add demand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No demand selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete demand “{id}”?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete demand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the demand “{id}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supporter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add supporter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No supporter selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete supporter “{id}”?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete supporter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the supporter “{id}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No source selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete source “{id}”?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the source “{id}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n fact(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n argument(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n demand(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n supporter(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n source(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ComposeLetters</name>
    <message>
        <source>recipient &apos;{id}&apos; is no longer in the directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>choose another one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audience is not a valid query ({problem}). </source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>{matched} of %n recipient(s) match the audience “{audience}”.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Showing the %n recipient(s) of “{query}” it will go to when they are.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Showing all %n recipient(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Nobody is due yet: no recipient matches {terms} in the contact log. </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No recipient matches the audience “{audience}”. </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The directory has no recipients yet: add some on the Recipients tab.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ComposeRendering</name>
    <message>
        <source>No recipient to write to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The letter cannot be rendered: see the message under the editor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The preview shows the last version without mistakes.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ComposeTab</name>
    <message>
        <source>Save template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export this letter…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the templates…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No templates yet: add a .md file to letter_templates/.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n template(s) in letter_templates/</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>; {broken} with a problem (hover for details).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No template to preview.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This template cannot be shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving {file}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved letter_templates/{file}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: {problems}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a template and a recipient first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing {file}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported to {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not exported: {problems}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ComposeWidgets</name>
    <message>
        <source>&amp;Templates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Templates are the .md files in letter_templates/.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a template on the left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ave</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the template file ({keys})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Template t&amp;ext</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xport this letter…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write this letter as PDF or DOCX and open it (Ctrl+E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Letter for rec&amp;ipient</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CrashHandler</name>
    <message>
        <source>Something went wrong: {error}

Your work on disk is safe. The details were written to
{log}
Please send that file with a short note of what you were doing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>campaign_app — unexpected error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ErrorBar</name>
    <message>
        <source>&amp;Go to line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put the cursor on the line with the mistake (F8)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click to go to the line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Go to line {line}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Exporting</name>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Word document (*.docx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export this letter</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FieldDelegate</name>
    <message>
        <source>The directory field this column fills; (ignore) leaves the column out</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Recipient lists (*.csv *.tsv *.txt *.xlsx *.xml *.yaml *.yml);;CSV (*.csv *.tsv *.txt);;Excel workbook (*.xlsx);;European Parliament XML (*.xml);;Directory YAML (*.yaml *.yml);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import recipients from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading {file}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file cannot be imported as it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  (named after the file)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking every row…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>choose the &lt;b&gt;Category&lt;/b&gt; of these rows in Options (the command line&apos;s --category).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>correct the file name in Options (the command line&apos;s --into).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>correct what is said below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The import cannot go ahead: {advice}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Written: {files}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not written: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the rows not imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save them outside the recipients folder: the directory would read them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) not imported saved to {path}.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Not saved: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportDialogView</name>
    <message>
        <source>Choose the file to import: press &lt;b&gt;Browse…&lt;/b&gt; or type its path and Enter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, sheet &apos;{sheet}&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detected from the file&apos;s bytes. If accents look wrong in the rows below, save the file as UTF-8 CSV in your spreadsheet program and import that.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>counting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to write: the directory already holds all of it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the new and updated entries to the directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · &lt;b&gt;{count}&lt;/b&gt; repeated an earlier row (merged)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to write: the directory already holds all of it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;{added}&lt;/b&gt; to add · &lt;b&gt;{updated}&lt;/b&gt; to update · &lt;b&gt;{unchanged}&lt;/b&gt; unchanged · &lt;b&gt;{skipped}&lt;/b&gt; not imported{repeated} — of %Ln row(s). New entries go to &lt;b&gt;{target}&lt;/b&gt;.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>filled in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tags added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>changed to the file&apos;s value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kept (tick Update to take the file&apos;s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>&amp;Not imported (%Ln row(s))</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Changes to &amp;existing entries ({count})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N&amp;otes ({count})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportDialogWidgets</name>
    <message>
        <source>Import recipients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a .csv, .xlsx, .xml (the European Parliament&apos;s list) or .yaml file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the file to import (Ctrl+O)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;heet:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encoding:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delimiter:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read as:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Columns: which directory field each one fills</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First &amp;rows of the file, as read (up to {count})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cate&amp;gory of rows that give none:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— (from the file)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Like --category: what these recipients are, for rows whose file has no category (the European Parliament&apos;s lists are mep without it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New entries go &amp;to:  recipients/</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Like --into: the file in the recipients folder that receives the new entries (a .csv or .yaml name; empty: named after the imported file)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Update fields that differ (take the file&apos;s value)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Like --update: where an entry the directory has holds a different value, take the file&apos;s. Off: keep the directory&apos;s value and list it below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep new entries with no contact channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Like --keep-no-contact: also add new entries that have no e-mail, postal address or web form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the import will do (nothing is written before you press Import)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why it is not imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Directory has</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File has</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Not imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes to &amp;existing entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;skipped rows…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Like --rejects: write the rows not imported, with their row number and reason, to a CSV file to correct them and import again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close without writing anything (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InboxCheck</name>
    <message numerus="yes">
        <source>%n reply(-ies)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n automatic reply(-ies)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n bounce(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new message(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Inbox checked: {read}; recorded {what}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inbox checked: {read}; nothing to record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the mailbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check inbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password for {account} (kept in the system keyring once it works):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the inbox…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Read {done} of %n new message(s)…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ItemEditor</name>
    <message>
        <source>&amp;ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;As of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Te&amp;xt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>So&amp;urces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Na&amp;me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reci&amp;pient id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Publisher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Web address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Gender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Descri&amp;ption</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summar&amp;y</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N&amp;ote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>YYYY-MM-DD, YYYY-MM or YYYY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>source ids, separated by commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>id of this supporter in the recipient directory (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A, B, C… (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(not given)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>female (f)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>male (m)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LocalizedField</name>
    <message>
        <source>All languages</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Opening {folder}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Recipients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;ompose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>O&amp;utreach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No campaign open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New campaign from the example…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New &amp;empty campaign…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open campaign folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About campaign_app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About campaign_app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>campaign_app {version}
Appeal letters for human-rights campaigns.
Works offline; sends nothing you did not ask it to send.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There are unsaved changes in: {tabs}.
Discard them?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open campaign folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title}: choose where to create it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of the new campaign folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New campaign from the example</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New empty campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create campaign</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MappingModel</name>
    <message>
        <source>(ignore)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>full name (split into given_name, family_name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>homepage (checks the country; not kept)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>end of term (tags former-member; not kept)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(unnamed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Directory field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First value</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MarkDialog</name>
    <message>
        <source>&amp;Replied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;No reply (stop waiting)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;losed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sent by post, web form, fax or in person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark — {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happened with the letter to &lt;b&gt;{name}&lt;/b&gt;?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Channel:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The letter from template {template}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L&amp;etter:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional, e.g. what they answered, or a reference number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N&amp;ote:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded in the contact log as done by {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Mark</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MessagePreview</name>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OutreachBrowser</name>
    <message>
        <source>Reading the contact log…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The contact log cannot be read:</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n recipient(s) in the log</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>, {count} not written to yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · {count} shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n follow-up(s) due</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(after %n day(s))</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n letter(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No campaign is open: open a campaign folder with File ▸ Open campaign folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>select a recipient to see every letter and event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · follow-up due since {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History of {name}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OutreachModel</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{date} — due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When a follow-up is due if no reply is recorded (the campaign&apos;s follow-up period)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up due, or the status of the letter that changed last</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n letter(s) in the log</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OutreachTab</name>
    <message numerus="yes">
        <source>%n letter(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Marked {name} {status}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the contact log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exported %n row(s) to {path}</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the outreach report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote the report to {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the inbox…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The inbox was not read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inbox check cancelled: what was recorded stays.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OutreachWidgets</name>
    <message>
        <source>No letters in the log yet: generate letters in the Batch tab or send them with Send letters…

Every letter generated or sent is recorded here, with what happened since.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark &amp;replied…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark no reply…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark closed…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark sent by post, web form…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;earch:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name or category, e.g. simecka   mep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Words looked for in names, ids and categories (case and accents ignored)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record a reply for the selected recipient (Ctrl+R); the arrow offers no reply, closed, and letters sent by post or web form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Se&amp;nd letters…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail a template&apos;s letters through the campaign&apos;s mail server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check &amp;inbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the mailbox named under inbox: in campaign.yaml, without changing it, and record replies, automatic replies and bounces to the letters sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xport CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The whole log, one row per event, for a spreadsheet or a merge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;port PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A one-page summary for coordinators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the contact log again (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every recipient in the log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{status}: {meaning} (as the query status:{key})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also show recipients not yet &amp;written to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everyone in the directory, with status &apos;none&apos; if the log has no letter to them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open report</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OutreachWords</name>
    <message>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>drafted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>printed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>revised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>uncertain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>replied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bounced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>renamed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>followup-due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>auto-reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no-reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>web form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fax</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sending (interrupted?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sent by {channel}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>drafted for {channel}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>today {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yesterday {time}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlanForm</name>
    <message>
        <source>Letters to send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional, e.g.  country:DE  -status:replied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Narrows the template&apos;s audience, as campaign-app send --query</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach the &amp;DOCX as well as the PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Resend letters whose sending was interrupted (uncertain)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These may already have arrived: the connection was lost before the server confirmed them. Resending may deliver them twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Template:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Narrow by &amp;query:</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n letter(s) to send from {sender} through {server}</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Send %n letter(s) now?</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PointsEditor</name>
    <message>
        <source>Add p&amp;oint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete point</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PointsModel</name>
    <message>
        <source>Point ({lang})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sources</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <source>The row&apos;s number in the file, as the report names it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{column} fills {field}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{column} is not imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ok</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrintDialog</name>
    <message>
        <source>Nothing: the letters only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DL envelopes (220 × 110 mm, A4 folded in three)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C5 envelopes (229 × 162 mm, A4 folded once)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C4 envelopes (324 × 229 mm, A4 flat)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address labels, Avery L7163 (A4, 2 × 7)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print pack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One PDF of template “{template}”, narrowed by “{query}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One PDF of template “{template}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{which}: every letter to a recipient with a postal address, each starting on a new sheet for two-sided printing, then an envelope or a label for each, in the same order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;After the letters:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF &amp;file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Print pack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the print pack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} is a folder: name the PDF file to write</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing: choosing recipients…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n recipient(s) without a postal address: not in the print pack</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source> · putting the pack together…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>{done} of %n letter(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was printed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to print.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled: no print pack was written and nothing was recorded as printed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done: {letters}, {pages} in all → {path}
Recorded as printed in the contact log; mark each one sent by post (Outreach tab) once it is in the post.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n letter(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelling: finishing the letter in hand…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProblemList</name>
    <message>
        <source>Problems in the case file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems in the case file ({count})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProgressPage</name>
    <message>
        <source>Ca&amp;ncel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop after the message being sent; the rest are sent by the next run</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecipientDialog</name>
    <message>
        <source>Add recipient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit recipient — {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How to reach them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Te&amp;xts in:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fields marked with a language are kept per language; saving changes only what you edit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  (new file)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save in file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set to today&apos;s date (after checking the entry at its source)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a category…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a name (or a position or organisation)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To save, fill in: {fields}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct the fields marked in red to save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the new recipient in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipient files (*.csv *.yaml *.yml)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a file in the recipients folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The directory reads the .csv and .yaml files in {folder}; choose (or name) a file there so the new recipient is part of it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Honorific</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Given name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Family name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gen&amp;der</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Countr&amp;y</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Postal &amp;address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Web form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address &amp;block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Salutatio&amp;n</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Political g&amp;roup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Co&amp;mmittees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source &amp;URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Verified on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Personal note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a paragraph for this recipient alone, where a template writes {{ personal_note }}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a stable slug, e.g. mep-197840</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ms, Mr, Dr, H.E. …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>two letters: UA, DE, SK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>language of the letter: en, uk, fr …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>https://… (where a contact form is the only channel)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only to override the usual salutation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>separated by &apos;;&apos; — e.g. supporter; droi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>https://… where you checked this entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>for an office: the position, e.g. Prosecutor General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— (not given)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>f (female)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>m (male)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecipientPicker</name>
    <message>
        <source>Type a name, office or organisation</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecipientsBrowser</name>
    <message>
        <source>No campaign open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading recipients…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sorting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The recipient directory has %n problem(s). Correct them in the files named below, then press Reload (F5).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Directory not loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %Ln recipient(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>{count} without a contact channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>{count} not verified in %Ln day(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>All categories ({count})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecipientsModel</name>
    <message>
        <source>Doubtful address: a letter to {address} bounced ({when}). Check it at its source.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No contact channel: add an e-mail address, a postal address or a web form.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never verified: check the entry at its source and fill in verified_on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Last verified %Ln day(s) ago (more than {limit}, the campaign&apos;s freshness_days): people change office — check the entry at its source and update verified_on.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>E-mail: {address}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Post: {address}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Web form: {address}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Position / organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Country</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>web form: {address}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecipientsTab</name>
    <message>
        <source>nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported: {summary}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported {file}: {summary}.

Written: {written}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> from {file}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete recipient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete {name} ({id}){where}?

The entry is removed from the file. This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted {id} from {file}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (hidden by the search or category)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added {id} to {file}{hidden}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No changes to save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved {id} in {file}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no file of the directory holds &apos;{id}&apos; any more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the files changed on disk: press Reload (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecipientsWidgets</name>
    <message>
        <source>S&amp;earch:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. simecka   category:mep country:SK   tag:supporter -language:uk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same queries as campaign-app --query: words are looked for in names, positions and organisations (case and accents ignored); field:value compares one field; -term excludes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a recipient (Insert)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ed&amp;it…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the selected recipient (Enter or F2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De&amp;lete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected recipient (Delete)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I&amp;mport…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import recipients from a CSV, Excel, European Parliament XML or YAML file (Ctrl+I): see what would be added, merged and skipped before anything is written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reloa&amp;d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the recipient files again (F5), e.g. after editing them elsewhere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ca&amp;tegory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading recipients…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marked in the table: the Contact column of entries no letter can reach, and the Verified column of entries not checked at their source within the campaign&apos;s freshness_days (campaign.yaml).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RowsModel</name>
    <message>
        <source>Row</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SectionModel</name>
    <message>
        <source>hearing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>filing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>detention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>statement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>official</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>parliamentarian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>international organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NGO</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>activists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in the future</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n month(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>{years} years</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event ({lang})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fact ({lang})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title ({lang})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demand ({lang})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name ({lang})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publisher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Web address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — stale</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Stated as of {date}: %n day(s) ago, more than the campaign&apos;s facts_stale_after_days ({limit}). A letter stating it as current may no longer be true: check it, then update its text and As of — or date it in the letter.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SendDialog</name>
    <message>
        <source>Send letters by e-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This campaign has no letter templates yet: write one in the Compose tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working out who gets this letter…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No mail server is set up for this campaign, so nothing can be sent yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill in the SMTP server, user name and From address in the Settings tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Building the first messages…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The messages cannot be built:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send letters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password could not be read from the keyring.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password for {user} on {server}
(not stored):</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Checking the %n letter(s) to attach (writing any missing)…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{done} of %n message(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source> · {failed} failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · cancelling: the message being sent finishes…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · Writing to {name}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · Sending to {name}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling: the message being sent finishes, the rest are not sent…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop sending?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Letters are still being sent. Stop now? The message being sent finishes; the rest are not sent and can be sent later.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SendDialogLayout</name>
    <message>
        <source>Open &amp;Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill in the mail server (SMTP) in the Settings tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Show the first %n message(s) as they will be sent</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Write .&amp;eml files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dry run: write every message as an .eml file beside its letter, to open in a mail program; nothing is sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Send…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asks for confirmation, then the password, then sends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMTP password</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SendPlan</name>
    <message>
        <source>Nothing to send: {reason}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> as {user}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} already sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} uncertain (not sent again)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} uncertain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} changed since they were sent (not sent again)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} without e-mail (post/web form)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>about {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>under a minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most {rate} per minute: {pace}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From: {sender}
Server: {server}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account: {user}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Template: {template}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each letter is recorded in the contact log as it goes.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SendPreview</name>
    <message>
        <source>Preview shows the first messages exactly as they will be sent. Write .eml files is a dry run of all of them. Nothing leaves this computer until you press Send and confirm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{size} kB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply-To:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attached:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsFieldWidgets</name>
    <message>
        <source>STARTTLS (usually port 587)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SSL/TLS (usually port 465)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>US Letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your computer account&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Anna K. (if empty: {name})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded with every letter you generate, send or mark, so a coordinator knows who did what</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded in the contact log. Kept on this computer, not in campaign.yaml.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Letters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A contact without a reply is due for a follow-up after this many days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Used for any text that has no version in a letter&apos;s language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paper si&amp;ze:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fo&amp;llow up after:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default lan&amp;guage:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending e-mail (SMTP)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Letters are sent over TLS only (STARTTLS or SSL/TLS), never in plain text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>smtp.example.org</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>usually your e-mail address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the address letters are sent from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> e-mails per minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending slowly keeps the provider from taking the account for a spammer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server (hos&amp;t):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Security:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fro&amp;m:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply-to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send at most:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMTP password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyring in use: checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look at the system keyring again (after unlocking it, for example)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to store in the keyring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store in &amp;keyring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove this account&apos;s password from the keyring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask for the password each time I se&amp;nd (never store it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved in campaign.yaml as &apos;password: ask&apos;: a choice, not a password</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsForm</name>
    <message>
        <source>Organ&amp;isation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;ddress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cit&amp;y</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Street and number
Postcode City
Country</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same text in every language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>campaign.yaml cannot be edited here until it is corrected:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the organisation is empty — every letter needs a sender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the letterhead logo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct the marked fields to save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{port} (the default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no organisation)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsKeyring</name>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> ({state}: not used)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyring in use: {keyring}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking at the system keyring…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password will be asked for each time you send, and never saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is stored: the password will be asked for each time you send.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the server and the user name to store a password for that account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A password for {account} is stored in the keyring.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No password is stored for {account} yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored in the keyring.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed from the keyring.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsTab</name>
    <message>
        <source>Your name is saved: {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name is cleared.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved campaign.yaml at {time}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: campaign.yaml is unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsWidgets</name>
    <message>
        <source>Revert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forget the changes not saved yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write campaign.yaml ({keys})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>office@example.org</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>https://example.org</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>images/logo.png (a PNG or JPEG in the campaign folder)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the logo printed at the top of every letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Website:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Logo:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Letterhead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printed at the top of every letter, from the sender above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language of the letterhead preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signatories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F2 or double-click to edit. They sign in this order.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignatoryModel</name>
    <message>
        <source>Signature image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A PNG or JPEG in the campaign folder (e.g. images/signature.png), set above the name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same text in every language</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>uncertain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>by hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>uncertain, not sent again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>printed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>already sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Letter file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open fold&amp;er</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the letters (and .eml files) in the file manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The batch stopped: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} {outcome}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n recipient(s) without an e-mail address: print or upload their letter (Letter file column, in {folder}), then mark them sent by post or web form in the Outreach tab.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The .eml files are beside the letters in {folder}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Dry run: %n message(s) written as .eml files in {time}; nothing was sent.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stopped: {done} of %n letter(s) sent in {time}.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancelled: {done} of %n letter(s) sent in {time}; Send again to send the rest.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Finished: {done} of %n letter(s) sent in {time}; see the problems below.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Finished: %n letter(s) sent in {time}.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TeamSummary</name>
    <message>
        <source>Team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nobody has recorded anything for this case yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sending to {names}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drafts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last activity (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending now</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TemplateListModel</name>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lang.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title}
{file} · audience: {audience}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>texts</name>
    <message>
        <source>{seconds} s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
