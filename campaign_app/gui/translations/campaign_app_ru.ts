<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru">
<context>
    <name>BatchForm</name>
    <message>
        <source>No campaign is open: open a campaign folder with File ▸ Open campaign folder…</source>
        <translation>Кампания не открыта: откройте папку кампании через Файл ▸ Открыть папку кампании…</translation>
    </message>
    <message>
        <source>This campaign has no letter templates yet: write one in the Compose tab.</source>
        <translation>В этой кампании ещё нет шаблонов писем: напишите шаблон на вкладке «Письмо».</translation>
    </message>
    <message>
        <source>Audience of this template: {audience}</source>
        <translation>Адресаты этого шаблона: {audience}</translation>
    </message>
    <message>
        <source>(everyone)</source>
        <translation>(все)</translation>
    </message>
    <message>
        <source>Counting recipients…</source>
        <translation>Считаем адресатов…</translation>
    </message>
    <message>
        <source>{reason}: nothing to write yet.</source>
        <translation>{reason}: пока писать нечего.</translation>
    </message>
    <message numerus="yes">
        <source>%n recipient(s) selected</source>
        <translation>
            <numerusform>Выбран %n адресат</numerusform>
            <numerusform>Выбрано %n адресата</numerusform>
            <numerusform>Выбрано %n адресатов</numerusform>
        </translation>
    </message>
    <message>
        <source>Warning: {line}</source>
        <translation>Предупреждение: {line}</translation>
    </message>
    <message>
        <source>Tick PDF, DOCX or both</source>
        <translation>Отметьте PDF, DOCX или оба</translation>
    </message>
    <message>
        <source>Write one letter per selected recipient (Ctrl+Return)</source>
        <translation>Написать по письму каждому выбранному адресату (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Choose the output folder</source>
        <translation>Выберите папку для писем</translation>
    </message>
</context>
<context>
    <name>BatchTab</name>
    <message>
        <source>{path} is a file, not a folder — choose a folder</source>
        <translation>{path} — это файл, а не папка: выберите папку</translation>
    </message>
    <message>
        <source>Preparing: choosing recipients and checking the first letter…</source>
        <translation>Подготовка: выбираем адресатов и проверяем первое письмо…</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Несохранённые изменения</translation>
    </message>
    <message>
        <source>There are unsaved changes in: {tabs}.
The letters are written from the saved files, without them (save them first to have them). Generate anyway?</source>
        <translation>Есть несохранённые изменения в: {tabs}.
Письма пишутся из сохранённых файлов, без этих изменений (сохраните их сначала, чтобы они вошли). Всё равно создать?</translation>
    </message>
    <message>
        <source>Cancelling: finishing the letters in progress…</source>
        <translation>Отмена: завершаем письма, которые уже пишутся…</translation>
    </message>
    <message numerus="yes">
        <source>{done} of %n letter(s)</source>
        <translation>
            <numerusform>{done} из %n письма</numerusform>
            <numerusform>{done} из %n писем</numerusform>
            <numerusform>{done} из %n писем</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to write: every letter is up to date</source>
        <translation>Писать нечего: все письма актуальны</translation>
    </message>
    <message>
        <source> · {failed} failed</source>
        <translation> · с ошибкой: {failed}</translation>
    </message>
    <message>
        <source> · cancelling: finishing the letters in progress…</source>
        <translation> · отмена: завершаем письма, которые уже пишутся…</translation>
    </message>
    <message>
        <source> · {time} left</source>
        <translation> · осталось {time}</translation>
    </message>
    <message>
        <source> · estimating time left…</source>
        <translation> · оцениваем, сколько времени осталось…</translation>
    </message>
    <message>
        <source>Nothing was generated.</source>
        <translation>Ничего не создано.</translation>
    </message>
    <message>
        <source>Stopped: {written} written; run again to finish the rest.</source>
        <translation>Остановлено: написано {written}; запустите ещё раз, чтобы дописать остальные.</translation>
    </message>
    <message numerus="yes">
        <source>Stopped after {done} of %n letter(s)</source>
        <translation>
            <numerusform>Остановлено после {done} из %n письма</numerusform>
            <numerusform>Остановлено после {done} из %n писем</numerusform>
            <numerusform>Остановлено после {done} из %n писем</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled: {written} written; run again to finish the rest.</source>
        <translation>Отменено: написано {written}; запустите ещё раз, чтобы дописать остальные.</translation>
    </message>
    <message numerus="yes">
        <source>Cancelled after {done} of %n letter(s)</source>
        <translation>
            <numerusform>Отменено после {done} из %n письма</numerusform>
            <numerusform>Отменено после {done} из %n писем</numerusform>
            <numerusform>Отменено после {done} из %n писем</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>All %n letter(s) already up to date: nothing to write.</source>
        <translation>
            <numerusform>%n письмо уже актуально: писать нечего.</numerusform>
            <numerusform>Все %n письма уже актуальны: писать нечего.</numerusform>
            <numerusform>Все %n писем уже актуальны: писать нечего.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to write.</source>
        <translation>Писать нечего.</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Готово</translation>
    </message>
    <message numerus="yes">
        <source>Finished: %n letter(s) written, {failed} failed (see below).</source>
        <translation>
            <numerusform>Готово: написано %n письмо, с ошибкой {failed} (см. ниже).</numerusform>
            <numerusform>Готово: написано %n письма, с ошибкой {failed} (см. ниже).</numerusform>
            <numerusform>Готово: написано %n писем, с ошибкой {failed} (см. ниже).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Done: {done} of %n letter(s)</source>
        <translation>
            <numerusform>Готово: {done} из %n письма</numerusform>
            <numerusform>Готово: {done} из %n писем</numerusform>
            <numerusform>Готово: {done} из %n писем</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Finished: %n letter(s) written.</source>
        <translation>
            <numerusform>Готово: написано %n письмо.</numerusform>
            <numerusform>Готово: написано %n письма.</numerusform>
            <numerusform>Готово: написано %n писем.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n файл</numerusform>
            <numerusform>%n файла</numerusform>
            <numerusform>%n файлов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n process(es)</source>
        <translation>
            <numerusform>%n процесс</numerusform>
            <numerusform>%n процесса</numerusform>
            <numerusform>%n процессов</numerusform>
        </translation>
    </message>
    <message>
        <source>Warning: {line}</source>
        <translation>Предупреждение: {line}</translation>
    </message>
    <message>
        <source>Warning: {file} is a letter to &apos;{id}&apos;, who is no longer in the directory: delete it if it is out of date.</source>
        <translation>Предупреждение: {file} — письмо для &apos;{id}&apos;, которого больше нет в справочнике: удалите его, если оно устарело.</translation>
    </message>
    <message>
        <source>Removed {file}, the earlier letter to a recipient whose name has changed.</source>
        <translation>Удалён {file} — прежнее письмо адресату, чьё имя изменилось.</translation>
    </message>
    <message>
        <source>Kept {file}, an earlier letter to a recipient whose name has changed ({why}): delete it if it is out of date.</source>
        <translation>Оставлен {file} — прежнее письмо адресату, чьё имя изменилось ({why}): удалите его, если оно устарело.</translation>
    </message>
    <message>
        <source>Closing: finishing the letters in progress, then the window closes…</source>
        <translation>Закрытие: завершаем письма, которые уже пишутся, затем окно закроется…</translation>
    </message>
</context>
<context>
    <name>BatchWidgets</name>
    <message>
        <source>Letters to generate</source>
        <translation>Письма для создания</translation>
    </message>
    <message>
        <source>&amp;Template:</source>
        <translation>&amp;Шаблон:</translation>
    </message>
    <message>
        <source>optional, e.g.  country:DE  tag:droi  -tag:contacted</source>
        <translation>необязательно, напр.  country:DE  tag:droi  -tag:contacted</translation>
    </message>
    <message>
        <source>Narrows the template&apos;s audience: field:value terms (category, country, tag, language…) and words matched against name, position and organisation. All terms must match; -term excludes.</source>
        <translation>Сужает круг адресатов шаблона: условия поле:значение (category, country, tag, language…) и слова, которые ищутся в имени, должности и организации. Должны совпасть все условия; -условие исключает.</translation>
    </message>
    <message>
        <source>Narrow by &amp;query:</source>
        <translation>Сузить запросо&amp;м:</translation>
    </message>
    <message>
        <source>&amp;PDF</source>
        <translation>&amp;PDF</translation>
    </message>
    <message>
        <source>&amp;DOCX (editable)</source>
        <translation>&amp;DOCX (можно редактировать)</translation>
    </message>
    <message>
        <source>Formats:</source>
        <translation>Форматы:</translation>
    </message>
    <message>
        <source>P&amp;aper:</source>
        <translation>&amp;Бумага:</translation>
    </message>
    <message>
        <source>Where the letters and manifest.json go; a relative path is inside the campaign</source>
        <translation>Куда записать письма и manifest.json; относительный путь — внутри папки кампании</translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>&amp;Обзор…</translation>
    </message>
    <message>
        <source>Output fo&amp;lder:</source>
        <translation>Папка д&amp;ля писем:</translation>
    </message>
    <message>
        <source>&amp;Generate letters</source>
        <translation>Созда&amp;ть письма</translation>
    </message>
    <message>
        <source>Write one letter per selected recipient (Ctrl+Return)</source>
        <translation>Написать по письму каждому выбранному адресату (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Print pac&amp;k…</source>
        <translation>Пак&amp;ет для печати…</translation>
    </message>
    <message>
        <source>One PDF to print and post: the letters to recipients with a postal address, then envelopes or labels</source>
        <translation>Один PDF для печати и отправки почтой: письма адресатам с почтовым адресом, затем конверты или наклейки</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Ход работы</translation>
    </message>
    <message>
        <source>Ca&amp;ncel</source>
        <translation>О&amp;тменить</translation>
    </message>
    <message>
        <source>Stop after the letters in progress (Esc)</source>
        <translation>Остановиться после писем, которые уже пишутся (Esc)</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Итог</translation>
    </message>
    <message>
        <source>Letters written:</source>
        <translation>Написано писем:</translation>
    </message>
    <message>
        <source>Already up to date (skipped):</source>
        <translation>Уже актуальны (пропущено):</translation>
    </message>
    <message>
        <source>Failed:</source>
        <translation>С ошибкой:</translation>
    </message>
    <message>
        <source>Time taken:</source>
        <translation>Затрачено времени:</translation>
    </message>
    <message>
        <source>Open fold&amp;er</source>
        <translation>Открыть &amp;папку</translation>
    </message>
    <message>
        <source>Show the letters in the file manager</source>
        <translation>Показать письма в файловом менеджере</translation>
    </message>
</context>
<context>
    <name>CaseCitations</name>
    <message>
        <source>now “{new}”</source>
        <translation>теперь «{new}»</translation>
    </message>
</context>
<context>
    <name>CaseNavigation</name>
    <message>
        <source>{shown} of {total} shown</source>
        <translation>показано {shown} из {total}</translation>
    </message>
</context>
<context>
    <name>CaseQuestions</name>
    <message>
        <source>Deleting it changes nothing else: correct these citations yourself. The case will not save while a fact, event, supporter or argument point still cites it, and the templates listed fail until their cite() or fact() is changed.</source>
        <translation>Удаление больше ничего не меняет: исправьте эти ссылки сами. Дело не сохранится, пока на источник ссылается факт, событие, сторонник или пункт аргумента, а названные шаблоны не будут работать, пока в них не изменят cite() или fact().</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more (Show Details…)</source>
        <translation>
            <numerusform>… и ещё %n (Показать подробности…)</numerusform>
            <numerusform>… и ещё %n (Показать подробности…)</numerusform>
            <numerusform>… и ещё %n (Показать подробности…)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{item} is still cited in %n place(s):</source>
        <translation>
            <numerusform>На {item} всё ещё ссылаются в %n месте:</numerusform>
            <numerusform>На {item} всё ещё ссылаются в %n местах:</numerusform>
            <numerusform>На {item} всё ещё ссылаются в %n местах:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{item} is still used in %n place(s):</source>
        <translation>
            <numerusform>{item} всё ещё используется в %n месте:</numerusform>
            <numerusform>{item} всё ещё используется в %n местах:</numerusform>
            <numerusform>{item} всё ещё используется в %n местах:</numerusform>
        </translation>
    </message>
    <message>
        <source>The templates listed fail until they no longer use it.</source>
        <translation>Названные шаблоны не будут работать, пока его используют.</translation>
    </message>
    <message>
        <source>Templates use the old id</source>
        <translation>Шаблоны используют старый идентификатор</translation>
    </message>
    <message>
        <source>The templates still use an id changed here:</source>
        <translation>Шаблоны всё ещё используют идентификатор, изменённый здесь:</translation>
    </message>
    <message>
        <source>Letters from these templates cannot be written until they use the new id: change them on the Compose tab, or cancel and put the old id back.</source>
        <translation>Письма по этим шаблонам нельзя создать, пока они не используют новый идентификатор: измените их на вкладке «Письмо» или отмените и верните старый идентификатор.</translation>
    </message>
    <message>
        <source>Save anyway</source>
        <translation>Всё равно сохранить</translation>
    </message>
    <message>
        <source>The case file was changed</source>
        <translation>Файл дела изменён</translation>
    </message>
    <message>
        <source>The case file was changed by another program since it was opened here.</source>
        <translation>Файл дела изменила другая программа с тех пор, как его открыли здесь.</translation>
    </message>
    <message>
        <source>Overwrite it with your version, or cancel and use Revert to load the other version (your changes here are then lost).</source>
        <translation>Перезапишите его своей версией или отмените и нажмите «Вернуть», чтобы загрузить другую версию (тогда ваши изменения здесь будут потеряны).</translation>
    </message>
    <message>
        <source>Overwrite</source>
        <translation>Перезаписать</translation>
    </message>
    <message>
        <source>Revert the case</source>
        <translation>Вернуть дело</translation>
    </message>
    <message>
        <source>Discard every change made to the case since it was last saved?</source>
        <translation>Отменить все изменения в деле после последнего сохранения?</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>Отменить изменения</translation>
    </message>
</context>
<context>
    <name>CaseTab</name>
    <message>
        <source>Loading…</source>
        <translation>Загрузка…</translation>
    </message>
    <message numerus="yes">
        <source>The case file has %n problem(s) (listed below). You can correct them here; the file is saved only once the case is valid.</source>
        <translation>
            <numerusform>В файле дела %n проблема (см. ниже). Её можно исправить здесь; файл сохранится, только когда дело будет правильным.</numerusform>
            <numerusform>В файле дела %n проблемы (см. ниже). Их можно исправить здесь; файл сохранится, только когда дело будет правильным.</numerusform>
            <numerusform>В файле дела %n проблем (см. ниже). Их можно исправить здесь; файл сохранится, только когда дело будет правильным.</numerusform>
        </translation>
    </message>
    <message>
        <source>The case file cannot be opened:</source>
        <translation>Файл дела не удаётся открыть:</translation>
    </message>
    <message>
        <source>No case open</source>
        <translation>Дело не открыто</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Дело</translation>
    </message>
    <message>
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>Case id: {id} · letter languages: {languages} · the case id and languages are changed in the file itself</source>
        <translation>Идентификатор дела: {id} · языки писем: {languages} · идентификатор и языки меняют в самом файле</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(нет)</translation>
    </message>
    <message>
        <source>{item}, which cites it</source>
        <translation>{item}, который ссылается на него</translation>
    </message>
    <message>
        <source>Source “{id}” deleted. Correct the places that cited it before saving.</source>
        <translation>Источник «{id}» удалён. Перед сохранением исправьте места, которые на него ссылались.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Сохранение…</translation>
    </message>
    <message numerus="yes">
        <source>Not saved: the case has %n problem(s) (listed below and at their fields). Nothing was written.</source>
        <translation>
            <numerusform>Не сохранено: в деле %n проблема (см. ниже и у полей). Ничего не записано.</numerusform>
            <numerusform>Не сохранено: в деле %n проблемы (см. ниже и у полей). Ничего не записано.</numerusform>
            <numerusform>Не сохранено: в деле %n проблем (см. ниже и у полей). Ничего не записано.</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved at {time}</source>
        <translation>Сохранено в {time}</translation>
    </message>
    <message>
        <source>Not saved:</source>
        <translation>Не сохранено:</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Несохранённые изменения</translation>
    </message>
    <message>
        <source>Changed elsewhere: Revert to load it</source>
        <translation>Изменено в другом месте: нажмите «Вернуть», чтобы загрузить</translation>
    </message>
    <message>
        <source>No changes</source>
        <translation>Изменений нет</translation>
    </message>
</context>
<context>
    <name>CaseWidgets</name>
    <message>
        <source>Overview</source>
        <translation>Обзор</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Хронология</translation>
    </message>
    <message>
        <source>Facts</source>
        <translation>Факты</translation>
    </message>
    <message>
        <source>Arguments</source>
        <translation>Аргументы</translation>
    </message>
    <message>
        <source>Demands</source>
        <translation>Требования</translation>
    </message>
    <message>
        <source>Supporters</source>
        <translation>Сторонники</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Источники</translation>
    </message>
    <message>
        <source>No campaign open</source>
        <translation>Кампания не открыта</translation>
    </message>
    <message>
        <source>R&amp;evert</source>
        <translation>В&amp;ернуть</translation>
    </message>
    <message>
        <source>Discard the changes made since the case was last saved</source>
        <translation>Отменить изменения после последнего сохранения дела</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <source>Save the case</source>
        <translation>Сохранить дело</translation>
    </message>
    <message>
        <source>Check the case and write it to its file ({shortcut})</source>
        <translation>Проверить дело и записать его в файл ({shortcut})</translation>
    </message>
    <message>
        <source>Export for translation…</source>
        <translation>Экспортировать для перевода…</translation>
    </message>
    <message>
        <source>Write the case&apos;s texts to a PO file for a translator (letters in another language)</source>
        <translation>Записать тексты дела в файл PO для переводчика (письма на другом языке)</translation>
    </message>
    <message>
        <source>Import translation…</source>
        <translation>Импортировать перевод…</translation>
    </message>
    <message>
        <source>Bring a translated PO file&apos;s texts into the case</source>
        <translation>Перенести тексты из переведённого файла PO в дело</translation>
    </message>
    <message>
        <source>Parts of the case</source>
        <translation>Части дела</translation>
    </message>
    <message>
        <source>Sectio&amp;ns</source>
        <translation>Раздел&amp;ы</translation>
    </message>
    <message>
        <source>Words in any column</source>
        <translation>Слова в любом столбце</translation>
    </message>
    <message>
        <source>&amp;Quick filter</source>
        <translation>Быстрый &amp;фильтр</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>До&amp;бавить</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Удалить…</translation>
    </message>
    <message>
        <source>Delete the selected item (Del in the table)</source>
        <translation>Удалить выбранную запись (Del в таблице)</translation>
    </message>
    <message>
        <source>&amp;Undo delete</source>
        <translation>&amp;Вернуть удалённое</translation>
    </message>
    <message>
        <source>Put the item just deleted back (Ctrl+Z in the table)</source>
        <translation>Вернуть только что удалённый элемент (Ctrl+Z в таблице)</translation>
    </message>
    <message>
        <source>The case</source>
        <translation>Дело</translation>
    </message>
</context>
<context>
    <name>CaseWords</name>
    <message>
        <source>Event</source>
        <translation>Событие</translation>
    </message>
    <message>
        <source>&amp;Add event</source>
        <translation>&amp;Добавить событие</translation>
    </message>
    <message>
        <source>No event selected</source>
        <translation>Событие не выбрано</translation>
    </message>
    <message>
        <source>Delete event “{id}”?</source>
        <translation>Удалить событие «{id}»?</translation>
    </message>
    <message>
        <source>Delete event</source>
        <translation>Удалить событие</translation>
    </message>
    <message>
        <source>the event “{id}”</source>
        <translation>событие «{id}»</translation>
    </message>
    <message>
        <source>Fact</source>
        <translation>Факт</translation>
    </message>
    <message>
        <source>&amp;Add fact</source>
        <translation>&amp;Добавить факт</translation>
    </message>
    <message>
        <source>No fact selected</source>
        <translation>Факт не выбран</translation>
    </message>
    <message>
        <source>Delete fact “{id}”?</source>
        <translation>Удалить факт «{id}»?</translation>
    </message>
    <message>
        <source>Delete fact</source>
        <translation>Удалить факт</translation>
    </message>
    <message>
        <source>the fact “{id}”</source>
        <translation>факт «{id}»</translation>
    </message>
    <message>
        <source>Argument</source>
        <translation>Аргумент</translation>
    </message>
    <message>
        <source>&amp;Add argument</source>
        <translation>&amp;Добавить аргумент</translation>
    </message>
    <message>
        <source>No argument selected</source>
        <translation>Аргумент не выбран</translation>
    </message>
    <message>
        <source>Delete argument “{id}”?</source>
        <translation>Удалить аргумент «{id}»?</translation>
    </message>
    <message>
        <source>Delete argument</source>
        <translation>Удалить аргумент</translation>
    </message>
    <message>
        <source>the argument “{id}”</source>
        <translation>аргумент «{id}»</translation>
    </message>
    <message>
        <source>Demand</source>
        <translation>Требование</translation>
    </message>
    <message>
        <source>&amp;Add demand</source>
        <translation>&amp;Добавить требование</translation>
    </message>
    <message>
        <source>No demand selected</source>
        <translation>Требование не выбрано</translation>
    </message>
    <message>
        <source>Delete demand “{id}”?</source>
        <translation>Удалить требование «{id}»?</translation>
    </message>
    <message>
        <source>Delete demand</source>
        <translation>Удалить требование</translation>
    </message>
    <message>
        <source>the demand “{id}”</source>
        <translation>требование «{id}»</translation>
    </message>
    <message>
        <source>Supporter</source>
        <translation>Сторонник</translation>
    </message>
    <message>
        <source>&amp;Add supporter</source>
        <translation>&amp;Добавить сторонника</translation>
    </message>
    <message>
        <source>No supporter selected</source>
        <translation>Сторонник не выбран</translation>
    </message>
    <message>
        <source>Delete supporter “{id}”?</source>
        <translation>Удалить сторонника «{id}»?</translation>
    </message>
    <message>
        <source>Delete supporter</source>
        <translation>Удалить сторонника</translation>
    </message>
    <message>
        <source>the supporter “{id}”</source>
        <translation>сторонник «{id}»</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <source>&amp;Add source</source>
        <translation>&amp;Добавить источник</translation>
    </message>
    <message>
        <source>No source selected</source>
        <translation>Источник не выбран</translation>
    </message>
    <message>
        <source>Delete source “{id}”?</source>
        <translation>Удалить источник «{id}»?</translation>
    </message>
    <message>
        <source>Delete source</source>
        <translation>Удалить источник</translation>
    </message>
    <message>
        <source>the source “{id}”</source>
        <translation>источник «{id}»</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n событие</numerusform>
            <numerusform>%n события</numerusform>
            <numerusform>%n событий</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n fact(s)</source>
        <translation>
            <numerusform>%n факт</numerusform>
            <numerusform>%n факта</numerusform>
            <numerusform>%n фактов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n argument(s)</source>
        <translation>
            <numerusform>%n аргумент</numerusform>
            <numerusform>%n аргумента</numerusform>
            <numerusform>%n аргументов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n demand(s)</source>
        <translation>
            <numerusform>%n требование</numerusform>
            <numerusform>%n требования</numerusform>
            <numerusform>%n требований</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n supporter(s)</source>
        <translation>
            <numerusform>%n сторонник</numerusform>
            <numerusform>%n сторонника</numerusform>
            <numerusform>%n сторонников</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n source(s)</source>
        <translation>
            <numerusform>%n источник</numerusform>
            <numerusform>%n источника</numerusform>
            <numerusform>%n источников</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n запись</numerusform>
            <numerusform>%n записи</numerusform>
            <numerusform>%n записей</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ComposeLetters</name>
    <message>
        <source>recipient &apos;{id}&apos; is no longer in the directory</source>
        <translation>адресата «{id}» больше нет в справочнике</translation>
    </message>
    <message>
        <source>choose another one</source>
        <translation>выберите другого</translation>
    </message>
    <message>
        <source>The audience is not a valid query ({problem}). </source>
        <translation>Круг адресатов задан неправильным запросом ({problem}). </translation>
    </message>
    <message numerus="yes">
        <source>{matched} of %n recipient(s) match the audience “{audience}”.</source>
        <translation>
            <numerusform>{matched} из %n адресата соответствуют условию «{audience}».</numerusform>
            <numerusform>{matched} из %n адресатов соответствуют условию «{audience}».</numerusform>
            <numerusform>{matched} из %n адресатов соответствуют условию «{audience}».</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Showing the %n recipient(s) of “{query}” it will go to when they are.</source>
        <translation>
            <numerusform>Показан %n адресат по «{query}», которому письмо уйдёт, когда придёт время.</numerusform>
            <numerusform>Показаны %n адресата по «{query}», которым письмо уйдёт, когда придёт время.</numerusform>
            <numerusform>Показаны %n адресатов по «{query}», которым письмо уйдёт, когда придёт время.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Showing all %n recipient(s).</source>
        <translation>
            <numerusform>Показан %n адресат.</numerusform>
            <numerusform>Показаны все %n адресата.</numerusform>
            <numerusform>Показаны все %n адресатов.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nobody is due yet: no recipient matches {terms} in the contact log. </source>
        <translation>Пока никому: в журнале контактов ни один адресат не соответствует условию {terms}. </translation>
    </message>
    <message>
        <source>No recipient matches the audience “{audience}”. </source>
        <translation>Ни один адресат не соответствует условию «{audience}». </translation>
    </message>
    <message>
        <source>The directory has no recipients yet: add some on the Recipients tab.</source>
        <translation>В справочнике ещё нет адресатов: добавьте их на вкладке «Адресаты».</translation>
    </message>
</context>
<context>
    <name>ComposeRendering</name>
    <message>
        <source>No recipient to write to.</source>
        <translation>Нет адресата, которому писать.</translation>
    </message>
    <message>
        <source>The letter cannot be rendered: see the message under the editor.</source>
        <translation>Письмо не удаётся составить: см. сообщение под редактором.</translation>
    </message>
    <message>
        <source>The preview shows the last version without mistakes.</source>
        <translation>Предпросмотр показывает последнюю версию без ошибок.</translation>
    </message>
</context>
<context>
    <name>ComposeTab</name>
    <message>
        <source>Save template</source>
        <translation>Сохранить шаблон</translation>
    </message>
    <message>
        <source>Export this letter…</source>
        <translation>Экспортировать это письмо…</translation>
    </message>
    <message>
        <source>Go to the error</source>
        <translation>Перейти к ошибке</translation>
    </message>
    <message>
        <source>Loading the templates…</source>
        <translation>Загрузка шаблонов…</translation>
    </message>
    <message>
        <source>No templates yet: add a .md file to letter_templates/.</source>
        <translation>Шаблонов ещё нет: добавьте файл .md в letter_templates/.</translation>
    </message>
    <message numerus="yes">
        <source>%n template(s) in letter_templates/</source>
        <translation>
            <numerusform>%n шаблон в letter_templates/</numerusform>
            <numerusform>%n шаблона в letter_templates/</numerusform>
            <numerusform>%n шаблонов в letter_templates/</numerusform>
        </translation>
    </message>
    <message>
        <source>; {broken} with a problem (hover for details).</source>
        <translation>; с проблемой: {broken} (наведите курсор, чтобы увидеть).</translation>
    </message>
    <message>
        <source>No template to preview.</source>
        <translation>Нет шаблона для предпросмотра.</translation>
    </message>
    <message>
        <source>This template cannot be shown.</source>
        <translation>Этот шаблон не удаётся показать.</translation>
    </message>
    <message>
        <source>Saving {file}…</source>
        <translation>Сохранение {file}…</translation>
    </message>
    <message>
        <source>Saved letter_templates/{file}.</source>
        <translation>Сохранено letter_templates/{file}.</translation>
    </message>
    <message>
        <source>Not saved: {problems}</source>
        <translation>Не сохранено: {problems}</translation>
    </message>
    <message>
        <source>Choose a template and a recipient first.</source>
        <translation>Сначала выберите шаблон и адресата.</translation>
    </message>
    <message>
        <source>Writing {file}…</source>
        <translation>Записываем {file}…</translation>
    </message>
    <message>
        <source>Exported to {path}</source>
        <translation>Экспортировано в {path}</translation>
    </message>
    <message>
        <source>Not exported: {problems}</source>
        <translation>Не экспортировано: {problems}</translation>
    </message>
</context>
<context>
    <name>ComposeWidgets</name>
    <message>
        <source>&amp;Templates</source>
        <translation>&amp;Шаблоны</translation>
    </message>
    <message>
        <source>Templates are the .md files in letter_templates/.</source>
        <translation>Шаблоны — это файлы .md в letter_templates/.</translation>
    </message>
    <message>
        <source>Choose a template on the left.</source>
        <translation>Выберите шаблон слева.</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Несохранённые изменения</translation>
    </message>
    <message>
        <source>S&amp;ave</source>
        <translation>Со&amp;хранить</translation>
    </message>
    <message>
        <source>Save the template file ({keys})</source>
        <translation>Сохранить файл шаблона ({keys})</translation>
    </message>
    <message>
        <source>Template t&amp;ext</source>
        <translation>&amp;Текст шаблона</translation>
    </message>
    <message>
        <source>E&amp;xport this letter…</source>
        <translation>&amp;Экспорт письма…</translation>
    </message>
    <message>
        <source>Write this letter as PDF or DOCX and open it (Ctrl+E)</source>
        <translation>Записать это письмо в PDF или DOCX и открыть (Ctrl+E)</translation>
    </message>
    <message>
        <source>The Case tab has unsaved changes: letters here use the case as last saved. Save the case to use them.</source>
        <translation>На вкладке «Дело» есть несохранённые изменения: письма здесь используют дело в последней сохранённой версии. Сохраните дело, чтобы их использовать.</translation>
    </message>
    <message>
        <source>Letter for rec&amp;ipient</source>
        <translation>П&amp;исьмо для адресата</translation>
    </message>
</context>
<context>
    <name>CrashHandler</name>
    <message>
        <source>Something went wrong: {error}

Your work on disk is safe. The details were written to
{log}
Please send that file with a short note of what you were doing.</source>
        <translation>Что-то пошло не так: {error}

Ваша работа на диске в безопасности. Подробности записаны в файл
{log}
Пожалуйста, отправьте этот файл с коротким описанием того, что вы делали.</translation>
    </message>
    <message>
        <source>campaign_app — unexpected error</source>
        <translation>campaign_app — непредвиденная ошибка</translation>
    </message>
</context>
<context>
    <name>ErrorBar</name>
    <message>
        <source>&amp;Go to line</source>
        <translation>&amp;Перейти к строке</translation>
    </message>
    <message>
        <source>Put the cursor on the line with the mistake (F8)</source>
        <translation>Поставить курсор на строку с ошибкой (F8)</translation>
    </message>
    <message>
        <source>Click to go to the line</source>
        <translation>Щёлкните, чтобы перейти к строке</translation>
    </message>
    <message>
        <source>&amp;Go to line {line}</source>
        <translation>&amp;Перейти к строке {line}</translation>
    </message>
</context>
<context>
    <name>Exporting</name>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>Документ PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Word document (*.docx)</source>
        <translation>Документ Word (*.docx)</translation>
    </message>
    <message>
        <source>Export this letter</source>
        <translation>Экспортировать это письмо</translation>
    </message>
</context>
<context>
    <name>FieldDelegate</name>
    <message>
        <source>The directory field this column fills; (ignore) leaves the column out</source>
        <translation>Поле справочника, которое заполняет этот столбец; «(пропустить)» не импортирует столбец</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Recipient lists (*.csv *.tsv *.txt *.xlsx *.xml *.yaml *.yml);;CSV (*.csv *.tsv *.txt);;Excel workbook (*.xlsx);;European Parliament XML (*.xml);;Directory YAML (*.yaml *.yml);;All files (*)</source>
        <translation>Списки адресатов (*.csv *.tsv *.txt *.xlsx *.xml *.yaml *.yml);;CSV (*.csv *.tsv *.txt);;Книга Excel (*.xlsx);;XML Европейского парламента (*.xml);;YAML справочника (*.yaml *.yml);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Import recipients from</source>
        <translation>Импортировать адресатов из</translation>
    </message>
    <message>
        <source>reading…</source>
        <translation>чтение…</translation>
    </message>
    <message>
        <source>Reading {file}…</source>
        <translation>Чтение {file}…</translation>
    </message>
    <message>
        <source>not imported</source>
        <translation>не импортировано</translation>
    </message>
    <message>
        <source>This file cannot be imported as it is.</source>
        <translation>Этот файл нельзя импортировать в таком виде.</translation>
    </message>
    <message>
        <source>  (named after the file)</source>
        <translation>  (по названию файла)</translation>
    </message>
    <message>
        <source>Checking every row…</source>
        <translation>Проверяем каждую строку…</translation>
    </message>
    <message>
        <source>choose the &lt;b&gt;Category&lt;/b&gt; of these rows in Options (the command line&apos;s --category).</source>
        <translation>выберите &lt;b&gt;Категорию&lt;/b&gt; этих строк в «Параметрах» (в командной строке --category).</translation>
    </message>
    <message>
        <source>correct the file name in Options (the command line&apos;s --into).</source>
        <translation>исправьте имя файла в «Параметрах» (в командной строке --into).</translation>
    </message>
    <message>
        <source>correct what is said below.</source>
        <translation>исправьте то, что указано ниже.</translation>
    </message>
    <message>
        <source>The import cannot go ahead: {advice}</source>
        <translation>Импорт невозможен: {advice}</translation>
    </message>
    <message>
        <source>Writing…</source>
        <translation>Запись…</translation>
    </message>
    <message>
        <source>Written: {files}</source>
        <translation>Записано: {files}</translation>
    </message>
    <message>
        <source>Not written: {problem}</source>
        <translation>Не записано: {problem}</translation>
    </message>
    <message>
        <source>Nothing was written.</source>
        <translation>Ничего не записано.</translation>
    </message>
    <message>
        <source>Save the rows not imported</source>
        <translation>Сохранить неимпортированные строки</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Save them outside the recipients folder: the directory would read them.</source>
        <translation>Сохраните их вне папки recipients: иначе справочник их прочитает.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) not imported saved to {path}.</source>
        <translation>
            <numerusform>%Ln неимпортированная строка сохранена в {path}.</numerusform>
            <numerusform>%Ln неимпортированные строки сохранены в {path}.</numerusform>
            <numerusform>%Ln неимпортированных строк сохранено в {path}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not saved: {problem}</source>
        <translation>Не сохранено: {problem}</translation>
    </message>
</context>
<context>
    <name>ImportDialogView</name>
    <message>
        <source>Choose the file to import: press &lt;b&gt;Browse…&lt;/b&gt; or type its path and Enter.</source>
        <translation>Выберите файл для импорта: нажмите &lt;b&gt;Обзор…&lt;/b&gt; или введите путь и нажмите Enter.</translation>
    </message>
    <message>
        <source>, sheet &apos;{sheet}&apos;</source>
        <translation>, лист «{sheet}»</translation>
    </message>
    <message>
        <source>Detected from the file&apos;s bytes. If accents look wrong in the rows below, save the file as UTF-8 CSV in your spreadsheet program and import that.</source>
        <translation>Определено по содержимому файла. Если буквы в строках ниже отображаются неправильно, сохраните файл как CSV UTF-8 в табличном редакторе и импортируйте его.</translation>
    </message>
    <message>
        <source>counting…</source>
        <translation>подсчёт…</translation>
    </message>
    <message>
        <source>Nothing to write: the directory already holds all of it</source>
        <translation>Записывать нечего: всё это уже есть в справочнике</translation>
    </message>
    <message>
        <source>Write the new and updated entries to the directory</source>
        <translation>Записать новые и обновлённые записи в справочник</translation>
    </message>
    <message>
        <source> · &lt;b&gt;{count}&lt;/b&gt; repeated an earlier row (merged)</source>
        <translation> · &lt;b&gt;{count}&lt;/b&gt; повторяют предыдущую строку (объединено)</translation>
    </message>
    <message>
        <source>Nothing to write: the directory already holds all of it.</source>
        <translation>Записывать нечего: всё это уже есть в справочнике.</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;{added}&lt;/b&gt; to add · &lt;b&gt;{updated}&lt;/b&gt; to update · &lt;b&gt;{unchanged}&lt;/b&gt; unchanged · &lt;b&gt;{skipped}&lt;/b&gt; not imported{repeated} — of %Ln row(s). New entries go to &lt;b&gt;{target}&lt;/b&gt;.</source>
        <translation>
            <numerusform>добавить: &lt;b&gt;{added}&lt;/b&gt; · обновить: &lt;b&gt;{updated}&lt;/b&gt; · без изменений: &lt;b&gt;{unchanged}&lt;/b&gt; · не импортировано: &lt;b&gt;{skipped}&lt;/b&gt;{repeated} — из %Ln строки. Новые записи попадут в &lt;b&gt;{target}&lt;/b&gt;.</numerusform>
            <numerusform>добавить: &lt;b&gt;{added}&lt;/b&gt; · обновить: &lt;b&gt;{updated}&lt;/b&gt; · без изменений: &lt;b&gt;{unchanged}&lt;/b&gt; · не импортировано: &lt;b&gt;{skipped}&lt;/b&gt;{repeated} — из %Ln строк. Новые записи попадут в &lt;b&gt;{target}&lt;/b&gt;.</numerusform>
            <numerusform>добавить: &lt;b&gt;{added}&lt;/b&gt; · обновить: &lt;b&gt;{updated}&lt;/b&gt; · без изменений: &lt;b&gt;{unchanged}&lt;/b&gt; · не импортировано: &lt;b&gt;{skipped}&lt;/b&gt;{repeated} — из %Ln строк. Новые записи попадут в &lt;b&gt;{target}&lt;/b&gt;.</numerusform>
        </translation>
    </message>
    <message>
        <source>filled in</source>
        <translation>заполнено</translation>
    </message>
    <message>
        <source>tags added</source>
        <translation>добавлены теги</translation>
    </message>
    <message>
        <source>changed to the file&apos;s value</source>
        <translation>заменено значением из файла</translation>
    </message>
    <message>
        <source>kept (tick Update to take the file&apos;s)</source>
        <translation>оставлено (отметьте «Обновлять», чтобы взять из файла)</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Not imported (%Ln row(s))</source>
        <translation>
            <numerusform>&amp;Не импортировано (%Ln строка)</numerusform>
            <numerusform>&amp;Не импортировано (%Ln строки)</numerusform>
            <numerusform>&amp;Не импортировано (%Ln строк)</numerusform>
        </translation>
    </message>
    <message>
        <source>Changes to &amp;existing entries ({count})</source>
        <translation>Изменения в &amp;существующих записях ({count})</translation>
    </message>
    <message>
        <source>N&amp;otes ({count})</source>
        <translation>&amp;Примечания ({count})</translation>
    </message>
</context>
<context>
    <name>ImportDialogWidgets</name>
    <message>
        <source>Import recipients</source>
        <translation>Импорт адресатов</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Файл:</translation>
    </message>
    <message>
        <source>a .csv, .xlsx, .xml (the European Parliament&apos;s list) or .yaml file</source>
        <translation>файл .csv, .xlsx, .xml (список Европейского парламента) или .yaml</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Обзор…</translation>
    </message>
    <message>
        <source>Choose the file to import (Ctrl+O)</source>
        <translation>Выбрать файл для импорта (Ctrl+O)</translation>
    </message>
    <message>
        <source>S&amp;heet:</source>
        <translation>&amp;Лист:</translation>
    </message>
    <message>
        <source>Encoding:</source>
        <translation>Кодировка:</translation>
    </message>
    <message>
        <source>Delimiter:</source>
        <translation>Разделитель:</translation>
    </message>
    <message>
        <source>Rows:</source>
        <translation>Строк:</translation>
    </message>
    <message>
        <source>Read as:</source>
        <translation>Прочитано как:</translation>
    </message>
    <message>
        <source>&amp;Columns: which directory field each one fills</source>
        <translation>С&amp;толбцы: какое поле справочника заполняет каждый</translation>
    </message>
    <message>
        <source>First &amp;rows of the file, as read (up to {count})</source>
        <translation>Пе&amp;рвые строки файла, как они прочитаны (до {count})</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Параметры</translation>
    </message>
    <message>
        <source>Cate&amp;gory of rows that give none:</source>
        <translation>&amp;Категория строк без неё:</translation>
    </message>
    <message>
        <source>— (from the file)</source>
        <translation>— (из файла)</translation>
    </message>
    <message>
        <source>Like --category: what these recipients are, for rows whose file has no category (the European Parliament&apos;s lists are mep without it)</source>
        <translation>Как --category: кто эти адресаты, для строк, где в файле нет категории (в списках Европейского парламента её нет — это mep)</translation>
    </message>
    <message>
        <source>New entries go &amp;to:  recipients/</source>
        <translation>Новые записи &amp;в:  recipients/</translation>
    </message>
    <message>
        <source>Like --into: the file in the recipients folder that receives the new entries (a .csv or .yaml name; empty: named after the imported file)</source>
        <translation>Как --into: файл в папке recipients, куда попадут новые записи (имя .csv или .yaml; пусто — по названию импортируемого файла)</translation>
    </message>
    <message>
        <source>&amp;Update fields that differ (take the file&apos;s value)</source>
        <translation>Обновлять отличающиеся поля (&amp;брать значение из файла)</translation>
    </message>
    <message>
        <source>Like --update: where an entry the directory has holds a different value, take the file&apos;s. Off: keep the directory&apos;s value and list it below.</source>
        <translation>Как --update: если существующая запись справочника имеет другое значение, брать значение из файла. Выключено: оставлять значение справочника и показывать его ниже.</translation>
    </message>
    <message>
        <source>&amp;Keep new entries with no contact channel</source>
        <translation>Оставлять новые &amp;записи без канала связи</translation>
    </message>
    <message>
        <source>Like --keep-no-contact: also add new entries that have no e-mail, postal address or web form</source>
        <translation>Как --keep-no-contact: добавлять и новые записи без электронной почты, почтового адреса или веб-формы</translation>
    </message>
    <message>
        <source>What the import will do (nothing is written before you press Import)</source>
        <translation>Что сделает импорт (ничего не записывается, пока вы не нажмёте «Импортировать»)</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Строка</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Поле</translation>
    </message>
    <message>
        <source>Why it is not imported</source>
        <translation>Почему не импортировано</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Запись</translation>
    </message>
    <message>
        <source>Directory has</source>
        <translation>В справочнике</translation>
    </message>
    <message>
        <source>File has</source>
        <translation>В файле</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Результат</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Примечание</translation>
    </message>
    <message>
        <source>&amp;Not imported</source>
        <translation>&amp;Не импортировано</translation>
    </message>
    <message>
        <source>Changes to &amp;existing entries</source>
        <translation>Изменения в &amp;существующих записях</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>&amp;Примечания</translation>
    </message>
    <message>
        <source>Save &amp;skipped rows…</source>
        <translation>Со&amp;хранить пропущенные строки…</translation>
    </message>
    <message>
        <source>Like --rejects: write the rows not imported, with their row number and reason, to a CSV file to correct them and import again</source>
        <translation>Как --rejects: записать неимпортированные строки с номером строки и причиной в файл CSV, чтобы исправить их и импортировать снова</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Импортировать</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Close without writing anything (Esc)</source>
        <translation>Закрыть, ничего не записывая (Esc)</translation>
    </message>
</context>
<context>
    <name>InboxCheck</name>
    <message numerus="yes">
        <source>%n reply(-ies)</source>
        <translation>
            <numerusform>%n ответ</numerusform>
            <numerusform>%n ответа</numerusform>
            <numerusform>%n ответов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n automatic reply(-ies)</source>
        <translation>
            <numerusform>%n автоответ</numerusform>
            <numerusform>%n автоответа</numerusform>
            <numerusform>%n автоответов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n bounce(s)</source>
        <translation>
            <numerusform>%n возврат</numerusform>
            <numerusform>%n возврата</numerusform>
            <numerusform>%n возвратов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new message(s)</source>
        <translation>
            <numerusform>%n новое сообщение</numerusform>
            <numerusform>%n новых сообщения</numerusform>
            <numerusform>%n новых сообщений</numerusform>
        </translation>
    </message>
    <message>
        <source>Inbox checked: {read}; recorded {what}.</source>
        <translation>Почта проверена: {read}; записано: {what}.</translation>
    </message>
    <message>
        <source>Inbox checked: {read}; nothing to record.</source>
        <translation>Почта проверена: {read}; записывать нечего.</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) speak of a letter but come from an address no letter went to; nothing was recorded. If one answers a letter, select its recipient and press Mark replied:</source>
        <translation>
            <numerusform>%n сообщение касается письма, но пришло с адреса, на который ни одно письмо не отправлялось; ничего не записано. Если это ответ, выберите адресата и нажмите «Отметить: ответили»:</numerusform>
            <numerusform>%n сообщения касаются писем, но пришли с адресов, на которые ни одно письмо не отправлялось; ничего не записано. Если какое-то из них — ответ, выберите адресата и нажмите «Отметить: ответили»:</numerusform>
            <numerusform>%n сообщений касаются писем, но пришли с адресов, на которые ни одно письмо не отправлялось; ничего не записано. Если какое-то из них — ответ, выберите адресата и нажмите «Отметить: ответили»:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) answer a letter by the subject alone, from an address several recipients share; nothing was recorded. If one answers one of them, select that recipient and press Mark replied:</source>
        <translation>
            <numerusform>%n сообщение отвечает на письмо только темой, с адреса, общего для нескольких адресатов; ничего не записано. Если это ответ одного из них, выберите этого адресата и нажмите «Отметить: ответили»:</numerusform>
            <numerusform>%n сообщения отвечают на письма только темой, с адресов, общих для нескольких адресатов; ничего не записано. Если какое-то из них — ответ одного из них, выберите этого адресата и нажмите «Отметить: ответили»:</numerusform>
            <numerusform>%n сообщений отвечают на письма только темой, с адресов, общих для нескольких адресатов; ничего не записано. Если какое-то из них — ответ одного из них, выберите этого адресата и нажмите «Отметить: ответили»:</numerusform>
        </translation>
    </message>
    <message>
        <source>the mailbox</source>
        <translation>почтового ящика</translation>
    </message>
    <message>
        <source>No system keyring can keep the password here: {what}</source>
        <translation>Ни одно системное хранилище паролей не может сохранить пароль здесь: {what}</translation>
    </message>
    <message>
        <source>Password for {account}:</source>
        <translation>Пароль для {account}:</translation>
    </message>
    <message>
        <source>Check inbox</source>
        <translation>Проверить почту</translation>
    </message>
    <message>
        <source>Password for {account} (kept in the system keyring once it works):</source>
        <translation>Пароль для {account} (после успешного входа хранится в системном хранилище паролей):</translation>
    </message>
    <message>
        <source>Reading the inbox…</source>
        <translation>Читаем почту…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message numerus="yes">
        <source>Read {done} of %n new message(s)…</source>
        <translation>
            <numerusform>Прочитано {done} из %n нового сообщения…</numerusform>
            <numerusform>Прочитано {done} из %n новых сообщений…</numerusform>
            <numerusform>Прочитано {done} из %n новых сообщений…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ItemEditor</name>
    <message>
        <source>&amp;ID</source>
        <translation>&amp;Идентификатор</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Дата</translation>
    </message>
    <message>
        <source>&amp;As of</source>
        <translation>&amp;По состоянию на</translation>
    </message>
    <message>
        <source>Te&amp;xt</source>
        <translation>&amp;Текст</translation>
    </message>
    <message>
        <source>So&amp;urces</source>
        <translation>&amp;Источники</translation>
    </message>
    <message>
        <source>&amp;Label</source>
        <translation>&amp;Метка</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Заголовок</translation>
    </message>
    <message>
        <source>&amp;Points</source>
        <translation>П&amp;ункты</translation>
    </message>
    <message>
        <source>Na&amp;me</source>
        <translation>&amp;Имя</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <source>Reci&amp;pient id</source>
        <translation>Идентификатор &amp;адресата</translation>
    </message>
    <message>
        <source>&amp;Publisher</source>
        <translation>И&amp;здатель</translation>
    </message>
    <message>
        <source>&amp;Web address</source>
        <translation>В&amp;еб-адрес</translation>
    </message>
    <message>
        <source>&amp;Gender</source>
        <translation>По&amp;л</translation>
    </message>
    <message>
        <source>Descri&amp;ption</source>
        <translation>&amp;Описание</translation>
    </message>
    <message>
        <source>Summar&amp;y</source>
        <translation>К&amp;раткое изложение</translation>
    </message>
    <message>
        <source>N&amp;ote</source>
        <translation>При&amp;мечание</translation>
    </message>
    <message>
        <source>YYYY-MM-DD, YYYY-MM or YYYY</source>
        <translation>ГГГГ-ММ-ДД, ГГГГ-ММ или ГГГГ</translation>
    </message>
    <message>
        <source>source ids, separated by commas</source>
        <translation>идентификаторы источников через запятую</translation>
    </message>
    <message>
        <source>id of this supporter in the recipient directory (optional)</source>
        <translation>идентификатор этого сторонника в справочнике адресатов (необязательно)</translation>
    </message>
    <message>
        <source>A, B, C… (optional)</source>
        <translation>A, B, C… (необязательно)</translation>
    </message>
    <message>
        <source>(not given)</source>
        <translation>(не указано)</translation>
    </message>
    <message>
        <source>female (f)</source>
        <translation>женский (f)</translation>
    </message>
    <message>
        <source>male (m)</source>
        <translation>мужской (m)</translation>
    </message>
</context>
<context>
    <name>LocalizedField</name>
    <message>
        <source>All languages</source>
        <translation>Все языки</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Opening {folder}…</source>
        <translation>Открываем {folder}…</translation>
    </message>
    <message>
        <source>&amp;Case</source>
        <translation>&amp;Дело</translation>
    </message>
    <message>
        <source>&amp;Recipients</source>
        <translation>&amp;Адресаты</translation>
    </message>
    <message>
        <source>C&amp;ompose</source>
        <translation>Пис&amp;ьмо</translation>
    </message>
    <message>
        <source>&amp;Batch</source>
        <translation>&amp;Пакет</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Настройки</translation>
    </message>
    <message>
        <source>O&amp;utreach</source>
        <translation>&amp;Контакты</translation>
    </message>
    <message>
        <source>No campaign open</source>
        <translation>Кампания не открыта</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>&amp;New campaign from the example…</source>
        <translation>&amp;Новая кампания на основе примера…</translation>
    </message>
    <message>
        <source>New &amp;empty campaign…</source>
        <translation>Новая &amp;пустая кампания…</translation>
    </message>
    <message>
        <source>&amp;Open campaign folder…</source>
        <translation>&amp;Открыть папку кампании…</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>Не&amp;давние</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>В&amp;ыход</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <source>&amp;About campaign_app</source>
        <translation>&amp;О программе campaign_app</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(нет)</translation>
    </message>
    <message>
        <source>About campaign_app</source>
        <translation>О программе campaign_app</translation>
    </message>
    <message>
        <source>campaign_app {version}
Appeal letters for human-rights campaigns.
Works offline; sends nothing you did not ask it to send.</source>
        <translation>campaign_app {version}
Письма-обращения для правозащитных кампаний.
Работает без интернета; не отправляет ничего, о чём вы не просили.</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Несохранённые изменения</translation>
    </message>
    <message>
        <source>There are unsaved changes in: {tabs}.
Discard them?</source>
        <translation>Есть несохранённые изменения на вкладках: {tabs}.
Отменить их?</translation>
    </message>
    <message>
        <source>Cannot open campaign</source>
        <translation>Не удаётся открыть кампанию</translation>
    </message>
    <message>
        <source>Open campaign folder</source>
        <translation>Открыть папку кампании</translation>
    </message>
    <message>
        <source>{title}: choose where to create it</source>
        <translation>{title}: выберите, где её создать</translation>
    </message>
    <message>
        <source>Name of the new campaign folder:</source>
        <translation>Имя папки новой кампании:</translation>
    </message>
    <message>
        <source>New campaign from the example</source>
        <translation>Новая кампания на основе примера</translation>
    </message>
    <message>
        <source>New empty campaign</source>
        <translation>Новая пустая кампания</translation>
    </message>
    <message>
        <source>Cannot create campaign</source>
        <translation>Не удаётся создать кампанию</translation>
    </message>
</context>
<context>
    <name>MappingModel</name>
    <message>
        <source>(ignore)</source>
        <translation>(пропустить)</translation>
    </message>
    <message>
        <source>full name (split into given_name, family_name)</source>
        <translation>полное имя (делится на given_name, family_name)</translation>
    </message>
    <message>
        <source>full name, family name first (ПІБ)</source>
        <translation>полное имя, сначала фамилия (ФИО)</translation>
    </message>
    <message>
        <source>patronymic (joins given_name)</source>
        <translation>отчество (добавляется к given_name)</translation>
    </message>
    <message>
        <source>homepage (checks the country; not kept)</source>
        <translation>домашняя страница (проверяет страну; не сохраняется)</translation>
    </message>
    <message>
        <source>end of term (tags former-member; not kept)</source>
        <translation>конец полномочий (тег former-member; не сохраняется)</translation>
    </message>
    <message>
        <source>(unnamed)</source>
        <translation>(без названия)</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>Столбец в файле</translation>
    </message>
    <message>
        <source>Directory field</source>
        <translation>Поле справочника</translation>
    </message>
    <message>
        <source>First value</source>
        <translation>Первое значение</translation>
    </message>
</context>
<context>
    <name>MarkDialog</name>
    <message>
        <source>&amp;Replied</source>
        <translation>&amp;Ответили</translation>
    </message>
    <message>
        <source>&amp;No reply (stop waiting)</source>
        <translation>&amp;Без ответа (больше не ждать)</translation>
    </message>
    <message>
        <source>C&amp;losed</source>
        <translation>&amp;Закрыто</translation>
    </message>
    <message>
        <source>&amp;Sent by post, web form, fax or in person</source>
        <translation>Отправлено почтой, &amp;через веб-форму, факсом или лично</translation>
    </message>
    <message>
        <source>E-mail &amp;went out: it is in the Sent folder</source>
        <translation>&amp;Электронное письмо ушло: оно есть в папке «Отправленные»</translation>
    </message>
    <message>
        <source>Mark — {name}</source>
        <translation>Отметить — {name}</translation>
    </message>
    <message>
        <source>What happened with the letter to &lt;b&gt;{name}&lt;/b&gt;?</source>
        <translation>Что произошло с письмом для &lt;b&gt;{name}&lt;/b&gt;?</translation>
    </message>
    <message numerus="yes">
        <source>Mark — %n recipient(s)</source>
        <translation>
            <numerusform>Отметить — %n адресат</numerusform>
            <numerusform>Отметить — %n адресата</numerusform>
            <numerusform>Отметить — %n адресатов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>What happened with the letters to these %n recipients: {names}?</source>
        <translation>
            <numerusform>Что произошло с письмом для %n адресата: {names}?</numerusform>
            <numerusform>Что произошло с письмами для этих %n адресатов: {names}?</numerusform>
            <numerusform>Что произошло с письмами для этих %n адресатов: {names}?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n selected recipient(s) with no letter in the log are left out.</source>
        <translation>
            <numerusform>%n выбранный адресат без письма в журнале пропущен.</numerusform>
            <numerusform>%n выбранных адресата без письма в журнале пропущены.</numerusform>
            <numerusform>%n выбранных адресатов без письма в журнале пропущены.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Channel:</source>
        <translation>&amp;Канал:</translation>
    </message>
    <message>
        <source>Each one&apos;s letter (templates {templates})</source>
        <translation>Письмо каждого из них (шаблоны {templates})</translation>
    </message>
    <message>
        <source>The letter from template {template}</source>
        <translation>Письмо по шаблону {template}</translation>
    </message>
    <message>
        <source>L&amp;etter:</source>
        <translation>&amp;Письмо:</translation>
    </message>
    <message>
        <source>optional, e.g. what they answered, or a reference number</source>
        <translation>необязательно, напр. что ответили или номер обращения</translation>
    </message>
    <message>
        <source>N&amp;ote:</source>
        <translation>При&amp;мечание:</translation>
    </message>
    <message>
        <source>Recorded in the contact log as done by {name}.</source>
        <translation>В журнале контактов будет записано, что это сделал(а) {name}.</translation>
    </message>
    <message>
        <source>&amp;Mark</source>
        <translation>О&amp;тметить</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Mark %n recipient(s)</source>
        <translation>
            <numerusform>О&amp;тметить %n адресата</numerusform>
            <numerusform>О&amp;тметить %n адресатов</numerusform>
            <numerusform>О&amp;тметить %n адресатов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{names} and %n more</source>
        <translation>
            <numerusform>{names} и ещё %n</numerusform>
            <numerusform>{names} и ещё %n</numerusform>
            <numerusform>{names} и ещё %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Discard the note?</source>
        <translation>Отбросить заметку?</translation>
    </message>
    <message>
        <source>The note you typed is not recorded. Discard it?</source>
        <translation>Заметка, которую вы ввели, не записана. Отбросить её?</translation>
    </message>
</context>
<context>
    <name>MessagePreview</name>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n байт</numerusform>
            <numerusform>%n байта</numerusform>
            <numerusform>%n байт</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OutreachBrowser</name>
    <message>
        <source>Reading the contact log…</source>
        <translation>Читаем журнал контактов…</translation>
    </message>
    <message>
        <source>The contact log cannot be read:</source>
        <translation>Журнал контактов не удаётся прочитать:</translation>
    </message>
    <message>
        <source>Nothing to show until the contact log can be read (see above).</source>
        <translation>Показать нечего, пока журнал контактов нельзя прочитать (см. выше).</translation>
    </message>
    <message numerus="yes">
        <source>%n recipient(s) in the log</source>
        <translation>
            <numerusform>%n адресат в журнале</numerusform>
            <numerusform>%n адресата в журнале</numerusform>
            <numerusform>%n адресатов в журнале</numerusform>
        </translation>
    </message>
    <message>
        <source>, {count} not written to yet</source>
        <translation>, ещё не писали: {count}</translation>
    </message>
    <message>
        <source> · {count} shown</source>
        <translation> · показано: {count}</translation>
    </message>
    <message numerus="yes">
        <source>%n follow-up(s) due</source>
        <translation>
            <numerusform>%n напоминание пора отправить</numerusform>
            <numerusform>%n напоминания пора отправить</numerusform>
            <numerusform>%n напоминаний пора отправить</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(after %n day(s))</source>
        <translation>
            <numerusform>(через %n день)</numerusform>
            <numerusform>(через %n дня)</numerusform>
            <numerusform>(через %n дней)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n recipient(s) selected</source>
        <translation>
            <numerusform>Выбран %n адресат</numerusform>
            <numerusform>Выбрано %n адресата</numerusform>
            <numerusform>Выбрано %n адресатов</numerusform>
        </translation>
    </message>
    <message>
        <source>a mark is recorded for each of them; the history below is of the row with the focus.</source>
        <translation>отметка будет записана для каждого из них; ниже показана история строки, на которой стоит фокус.</translation>
    </message>
    <message numerus="yes">
        <source>%n letter(s)</source>
        <translation>
            <numerusform>%n письмо</numerusform>
            <numerusform>%n письма</numerusform>
            <numerusform>%n писем</numerusform>
        </translation>
    </message>
    <message>
        <source>The history cannot be read:</source>
        <translation>Историю не удаётся прочитать:</translation>
    </message>
    <message>
        <source>No campaign is open: open a campaign folder with File ▸ Open campaign folder…</source>
        <translation>Кампания не открыта: откройте папку кампании через Файл ▸ Открыть папку кампании…</translation>
    </message>
    <message>
        <source>History</source>
        <translation>История</translation>
    </message>
    <message>
        <source>select a recipient to see every letter and event</source>
        <translation>выберите адресата, чтобы увидеть все письма и события</translation>
    </message>
    <message>
        <source> · follow-up due since {date}</source>
        <translation> · напоминание пора отправить с {date}</translation>
    </message>
    <message>
        <source>History of {name}</source>
        <translation>История: {name}</translation>
    </message>
</context>
<context>
    <name>OutreachModel</name>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Категория</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Last action</source>
        <translation>Последнее действие</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Кто</translation>
    </message>
    <message>
        <source>Follow-up due</source>
        <translation>Напоминание</translation>
    </message>
    <message>
        <source>{date} — due</source>
        <translation>{date} — пора</translation>
    </message>
    <message>
        <source>When a follow-up is due if no reply is recorded (the campaign&apos;s follow-up period)</source>
        <translation>Когда пора отправить напоминание, если ответ не записан (срок напоминания кампании)</translation>
    </message>
    <message>
        <source>Follow-up due, or the status of the letter that changed last</source>
        <translation>Пора напомнить, или статус письма, изменившегося последним</translation>
    </message>
    <message numerus="yes">
        <source>%n letter(s) in the log</source>
        <translation>
            <numerusform>%n письмо в журнале</numerusform>
            <numerusform>%n письма в журнале</numerusform>
            <numerusform>%n писем в журнале</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OutreachTab</name>
    <message numerus="yes">
        <source>%n letter(s)</source>
        <translation>
            <numerusform>%n письмо</numerusform>
            <numerusform>%n письма</numerusform>
            <numerusform>%n писем</numerusform>
        </translation>
    </message>
    <message>
        <source>Marked {name} {status}</source>
        <translation>Отмечено: {name} — {status}</translation>
    </message>
    <message>
        <source>Recording…</source>
        <translation>Записываем…</translation>
    </message>
    <message>
        <source>Nothing was recorded.</source>
        <translation>Ничего не записано.</translation>
    </message>
    <message numerus="yes">
        <source>Marked %n recipient(s) {status}</source>
        <translation>
            <numerusform>Отмечен %n адресат — {status}</numerusform>
            <numerusform>Отмечено %n адресата — {status}</numerusform>
            <numerusform>Отмечено %n адресатов — {status}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nothing was marked: %n of the {count} selected recipients cannot be marked {status}:</source>
        <translation>
            <numerusform>Ничего не отмечено: %n из {count} выбранных адресатов нельзя отметить как «{status}»:</numerusform>
            <numerusform>Ничего не отмечено: %n из {count} выбранных адресатов нельзя отметить как «{status}»:</numerusform>
            <numerusform>Ничего не отмечено: %n из {count} выбранных адресатов нельзя отметить как «{status}»:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n more: {names}</source>
        <translation>
            <numerusform>и ещё %n: {names}</numerusform>
            <numerusform>и ещё %n: {names}</numerusform>
            <numerusform>и ещё %n: {names}</numerusform>
        </translation>
    </message>
    <message>
        <source>Put that right, or leave them out of the selection (Ctrl+click), and mark again.</source>
        <translation>Исправьте это или снимите с них выделение (Ctrl+щелчок) и отметьте снова.</translation>
    </message>
    <message>
        <source>Export the contact log</source>
        <translation>Экспортировать журнал контактов</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Файлы CSV (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n row(s) to {path}</source>
        <translation>
            <numerusform>Экспортирована %n строка в {path}</numerusform>
            <numerusform>Экспортировано %n строки в {path}</numerusform>
            <numerusform>Экспортировано %n строк в {path}</numerusform>
        </translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Экспорт…</translation>
    </message>
    <message>
        <source>Write the outreach report</source>
        <translation>Записать отчёт о контактах</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Файлы PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Wrote the report to {path}</source>
        <translation>Отчёт записан в {path}</translation>
    </message>
    <message>
        <source>Writing the report…</source>
        <translation>Записываем отчёт…</translation>
    </message>
    <message>
        <source>Checking the inbox…</source>
        <translation>Проверяем почту…</translation>
    </message>
    <message>
        <source>The inbox was not read.</source>
        <translation>Почта не прочитана.</translation>
    </message>
    <message>
        <source>Inbox check cancelled: what was recorded stays.</source>
        <translation>Проверка почты отменена: записанное остаётся.</translation>
    </message>
</context>
<context>
    <name>OutreachWidgets</name>
    <message>
        <source>No letters in the log yet: generate letters in the Batch tab or send them with Send letters…

Every letter generated or sent is recorded here, with what happened since.</source>
        <translation>В журнале ещё нет писем: создайте письма на вкладке «Пакет» или отправьте их кнопкой «Отправить письма…».

Здесь записывается каждое созданное или отправленное письмо и всё, что с ним произошло дальше.</translation>
    </message>
    <message>
        <source>Mark &amp;replied…</source>
        <translation>Отметить: &amp;ответили…</translation>
    </message>
    <message>
        <source>Mark no reply…</source>
        <translation>Отметить: без ответа…</translation>
    </message>
    <message>
        <source>Mark closed…</source>
        <translation>Отметить: закрыто…</translation>
    </message>
    <message>
        <source>Mark sent by post, web form…</source>
        <translation>Отметить: отправлено почтой, через веб-форму…</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Письмо</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Событие</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Кто</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Канал</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Подробности</translation>
    </message>
    <message>
        <source>S&amp;earch:</source>
        <translation>По&amp;иск:</translation>
    </message>
    <message>
        <source>name or category, e.g. simecka   mep</source>
        <translation>имя или категория, напр. simecka   mep</translation>
    </message>
    <message>
        <source>Words looked for in names, ids and categories (case and accents ignored)</source>
        <translation>Слова, которые ищутся в именах, идентификаторах и категориях (без учёта регистра и диакритики)</translation>
    </message>
    <message>
        <source>Record a reply for the selected recipients (Ctrl+R; Shift+click or Ctrl+click selects several, Ctrl+A all); the arrow offers no reply, closed, and letters sent by post or web form</source>
        <translation>Записать ответ для выбранных адресатов (Ctrl+R; Shift+щелчок или Ctrl+щелчок выбирает нескольких, Ctrl+A — всех); стрелка предлагает «без ответа», «закрыто» и письма, отправленные почтой или через веб-форму</translation>
    </message>
    <message>
        <source>Se&amp;nd letters…</source>
        <translation>&amp;Отправить письма…</translation>
    </message>
    <message>
        <source>E-mail a template&apos;s letters through the campaign&apos;s mail server</source>
        <translation>Отправить письма по шаблону электронной почтой через почтовый сервер кампании</translation>
    </message>
    <message>
        <source>Check &amp;inbox</source>
        <translation>П&amp;роверить почту</translation>
    </message>
    <message>
        <source>Read the mailbox named under inbox: in campaign.yaml, without changing it, and record replies, automatic replies and bounces to the letters sent</source>
        <translation>Прочитать ящик, указанный в разделе inbox: в campaign.yaml, ничего в нём не меняя, и записать ответы, автоответы и возвраты на отправленные письма</translation>
    </message>
    <message>
        <source>E&amp;xport CSV…</source>
        <translation>Экспорт &amp;CSV…</translation>
    </message>
    <message>
        <source>The whole log, one row per event, for a spreadsheet or a merge</source>
        <translation>Весь журнал, по строке на событие, для таблицы или объединения</translation>
    </message>
    <message>
        <source>Re&amp;port PDF…</source>
        <translation>О&amp;тчёт PDF…</translation>
    </message>
    <message>
        <source>A one-page summary for coordinators</source>
        <translation>Сводка на одну страницу для координаторов</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <source>Read the contact log again (F5)</source>
        <translation>Прочитать журнал контактов заново (F5)</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Показать:</translation>
    </message>
    <message>
        <source>Every recipient in the log</source>
        <translation>Все адресаты в журнале</translation>
    </message>
    <message>
        <source>{status}: {meaning} (as the query status:{key})</source>
        <translation>{status}: {meaning} (как в запросе status:{key})</translation>
    </message>
    <message>
        <source>Also show recipients not yet &amp;written to</source>
        <translation>Показать и адресатов, которым &amp;ещё не писали</translation>
    </message>
    <message>
        <source>Everyone in the directory, with status &apos;none&apos; if the log has no letter to them</source>
        <translation>Все из справочника; статус «none», если в журнале нет письма к ним</translation>
    </message>
    <message>
        <source>&amp;Open report</source>
        <translation>&amp;Открыть отчёт</translation>
    </message>
</context>
<context>
    <name>OutreachWords</name>
    <message>
        <source>All</source>
        <translation>Все</translation>
    </message>
    <message>
        <source>drafted</source>
        <translation>создано</translation>
    </message>
    <message>
        <source>printed</source>
        <translation>напечатано</translation>
    </message>
    <message>
        <source>sending</source>
        <translation>отправляется</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>отправлено</translation>
    </message>
    <message>
        <source>revised</source>
        <translation>изменено</translation>
    </message>
    <message>
        <source>uncertain</source>
        <translation>неизвестно</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>ошибка</translation>
    </message>
    <message>
        <source>replied</source>
        <translation>ответили</translation>
    </message>
    <message>
        <source>bounced</source>
        <translation>возвращено</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>закрыто</translation>
    </message>
    <message>
        <source>note</source>
        <translation>примечание</translation>
    </message>
    <message>
        <source>renamed</source>
        <translation>переименовано</translation>
    </message>
    <message>
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>followup-due</source>
        <translation>пора напомнить</translation>
    </message>
    <message>
        <source>auto-reply</source>
        <translation>автоответ</translation>
    </message>
    <message>
        <source>no-reply</source>
        <translation>без ответа</translation>
    </message>
    <message>
        <source>email</source>
        <translation>эл. почта</translation>
    </message>
    <message>
        <source>post</source>
        <translation>почта</translation>
    </message>
    <message>
        <source>web form</source>
        <translation>веб-форма</translation>
    </message>
    <message>
        <source>fax</source>
        <translation>факс</translation>
    </message>
    <message>
        <source>in person</source>
        <translation>лично</translation>
    </message>
    <message>
        <source>sending (interrupted?)</source>
        <translation>отправляется (прервано?)</translation>
    </message>
    <message>
        <source>sent by {channel}</source>
        <translation>отправлено: {channel}</translation>
    </message>
    <message>
        <source>drafted for {channel}</source>
        <translation>создано для: {channel}</translation>
    </message>
    <message>
        <source>today {time}</source>
        <translation>сегодня {time}</translation>
    </message>
    <message>
        <source>yesterday {time}</source>
        <translation>вчера {time}</translation>
    </message>
</context>
<context>
    <name>PlanForm</name>
    <message>
        <source>Letters to send</source>
        <translation>Письма для отправки</translation>
    </message>
    <message>
        <source>optional, e.g.  country:DE  -status:replied</source>
        <translation>необязательно, напр.  country:DE  -status:replied</translation>
    </message>
    <message>
        <source>Narrows the template&apos;s audience, as campaign-app send --query</source>
        <translation>Сужает круг адресатов шаблона, как campaign-app send --query</translation>
    </message>
    <message>
        <source>Attach the &amp;DOCX as well as the PDF</source>
        <translation>Прикладывать &amp;DOCX вместе с PDF</translation>
    </message>
    <message>
        <source>&amp;Resend letters whose sending was interrupted (uncertain)</source>
        <translation>&amp;Повторно отправить письма, отправка которых прервалась (неизвестно)</translation>
    </message>
    <message>
        <source>E-mail letters printed but not p&amp;osted</source>
        <translation>Отправить эл. почтой письма, напечатанные, но не о&amp;тправленные почтой</translation>
    </message>
    <message>
        <source>These may already have arrived: the connection was lost before the server confirmed them. Resending may deliver them twice.</source>
        <translation>Они могли уже дойти: соединение оборвалось до подтверждения сервера. Повторная отправка может доставить их дважды.</translation>
    </message>
    <message>
        <source>&amp;Template:</source>
        <translation>&amp;Шаблон:</translation>
    </message>
    <message>
        <source>Narrow by &amp;query:</source>
        <translation>Сузить запросо&amp;м:</translation>
    </message>
    <message numerus="yes">
        <source>%n letter(s) to send from {sender} through {server}</source>
        <translation>
            <numerusform>%n письмо к отправке с {sender} через {server}</numerusform>
            <numerusform>%n письма к отправке с {sender} через {server}</numerusform>
            <numerusform>%n писем к отправке с {sender} через {server}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Send %n letter(s) now?</source>
        <translation>
            <numerusform>Отправить %n письмо сейчас?</numerusform>
            <numerusform>Отправить %n письма сейчас?</numerusform>
            <numerusform>Отправить %n писем сейчас?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PointsEditor</name>
    <message>
        <source>Add p&amp;oint</source>
        <translation>Добавить п&amp;ункт</translation>
    </message>
    <message>
        <source>Delete point</source>
        <translation>Удалить пункт</translation>
    </message>
</context>
<context>
    <name>PointsModel</name>
    <message>
        <source>Point ({lang})</source>
        <translation>Пункт ({lang})</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Источники</translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <source>The row&apos;s number in the file, as the report names it</source>
        <translation>Номер строки в файле, как его называет отчёт</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Проверка</translation>
    </message>
    <message>
        <source>{column} fills {field}</source>
        <translation>{column} заполняет {field}</translation>
    </message>
    <message>
        <source>{column} is not imported</source>
        <translation>{column} не импортируется</translation>
    </message>
    <message>
        <source>not imported</source>
        <translation>не импортировано</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>в порядке</translation>
    </message>
</context>
<context>
    <name>PrintDialog</name>
    <message>
        <source>Nothing: the letters only</source>
        <translation>Ничего: только письма</translation>
    </message>
    <message>
        <source>DL envelopes (220 × 110 mm, A4 folded in three)</source>
        <translation>Конверты DL (220 × 110 мм, A4 втрое)</translation>
    </message>
    <message>
        <source>C5 envelopes (229 × 162 mm, A4 folded once)</source>
        <translation>Конверты C5 (229 × 162 мм, A4 пополам)</translation>
    </message>
    <message>
        <source>C4 envelopes (324 × 229 mm, A4 flat)</source>
        <translation>Конверты C4 (324 × 229 мм, A4 без сгиба)</translation>
    </message>
    <message>
        <source>Address labels, Avery L7163 (A4, 2 × 7)</source>
        <translation>Адресные наклейки, Avery L7163 (A4, 2 × 7)</translation>
    </message>
    <message>
        <source>Print pack</source>
        <translation>Пакет для печати</translation>
    </message>
    <message>
        <source>One PDF of template “{template}”, narrowed by “{query}”</source>
        <translation>Один PDF по шаблону «{template}», суженный запросом «{query}»</translation>
    </message>
    <message>
        <source>One PDF of template “{template}”</source>
        <translation>Один PDF по шаблону «{template}»</translation>
    </message>
    <message>
        <source>{which}: every letter to a recipient with a postal address, each starting on a new sheet for two-sided printing, then an envelope or a label for each, in the same order.</source>
        <translation>{which}: все письма адресатам с почтовым адресом, каждое с нового листа для двусторонней печати, затем конверт или наклейка для каждого в том же порядке.</translation>
    </message>
    <message>
        <source>&amp;After the letters:</source>
        <translation>По&amp;сле писем:</translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>&amp;Обзор…</translation>
    </message>
    <message>
        <source>PDF &amp;file:</source>
        <translation>&amp;Файл PDF:</translation>
    </message>
    <message>
        <source>&amp;Print pack</source>
        <translation>&amp;Печатать пакет</translation>
    </message>
    <message>
        <source>Save the print pack</source>
        <translation>Сохранить пакет для печати</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>{path} is a folder: name the PDF file to write</source>
        <translation>{path} — это папка: укажите имя файла PDF</translation>
    </message>
    <message>
        <source>Preparing: choosing recipients…</source>
        <translation>Подготовка: выбираем адресатов…</translation>
    </message>
    <message numerus="yes">
        <source>%n recipient(s) without a postal address: not in the print pack</source>
        <translation>
            <numerusform>%n адресат без почтового адреса: не в пакете для печати</numerusform>
            <numerusform>%n адресата без почтового адреса: не в пакете для печати</numerusform>
            <numerusform>%n адресатов без почтового адреса: не в пакете для печати</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n letter(s) already went out: not in the print pack</source>
        <translation>
            <numerusform>%n письмо уже отправлено: его нет в пакете для печати</numerusform>
            <numerusform>%n письма уже отправлены: их нет в пакете для печати</numerusform>
            <numerusform>%n писем уже отправлено: их нет в пакете для печати</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n letter(s) printed before but not marked as sent by post: in this pack again; one posted after all must not be posted twice</source>
        <translation>
            <numerusform>%n письмо уже печатали, но не отмечено как отправленное почтой: оно снова в этом пакете; если его всё же отправили, не отправляйте повторно</numerusform>
            <numerusform>%n письма уже печатали, но не отмечено как отправленные почтой: они снова в этом пакете; если какое-то всё же отправили, не отправляйте повторно</numerusform>
            <numerusform>%n писем уже печатали, но не отмечено как отправленные почтой: они снова в этом пакете; если какое-то всё же отправили, не отправляйте повторно</numerusform>
        </translation>
    </message>
    <message>
        <source> · putting the pack together…</source>
        <translation> · собираем пакет…</translation>
    </message>
    <message numerus="yes">
        <source>{done} of %n letter(s)</source>
        <translation>
            <numerusform>{done} из %n письма</numerusform>
            <numerusform>{done} из %n писем</numerusform>
            <numerusform>{done} из %n писем</numerusform>
        </translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Nothing was printed.</source>
        <translation>Ничего не напечатано.</translation>
    </message>
    <message>
        <source>Nothing to print.</source>
        <translation>Печатать нечего.</translation>
    </message>
    <message>
        <source>Cancelled: no print pack was written and nothing was recorded as printed.</source>
        <translation>Отменено: пакет для печати не записан, и ничего не отмечено как напечатанное.</translation>
    </message>
    <message>
        <source>Done: {letters}, {pages} in all → {path}
Recorded as printed in the contact log; mark each one sent by post (Outreach tab) once it is in the post.</source>
        <translation>Готово: {letters}, всего {pages} → {path}
В журнале контактов записано как напечатанные; когда письма отправлены, отметьте каждое как отправленное почтой (вкладка «Контакты»).</translation>
    </message>
    <message numerus="yes">
        <source>%n letter(s)</source>
        <translation>
            <numerusform>%n письмо</numerusform>
            <numerusform>%n письма</numerusform>
            <numerusform>%n писем</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n страница</numerusform>
            <numerusform>%n страницы</numerusform>
            <numerusform>%n страниц</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelling: finishing the letter in hand…</source>
        <translation>Отмена: завершаем текущее письмо…</translation>
    </message>
</context>
<context>
    <name>ProblemList</name>
    <message>
        <source>Problems in the case file</source>
        <translation>Проблемы в файле дела</translation>
    </message>
    <message>
        <source>Problems in the case file ({count})</source>
        <translation>Проблемы в файле дела ({count})</translation>
    </message>
</context>
<context>
    <name>Problems</name>
    <message>
        <source>leave it out of the selection: its history shows when it went</source>
        <translation>снимите выделение с этого адресата: история письма показывает, когда оно отправлено</translation>
    </message>
    <message>
        <source>check the user name under inbox: in campaign.yaml (with many providers it is the whole e-mail address), then press Check inbox and type the mailbox&apos;s current password</source>
        <translation>проверьте имя пользователя в разделе inbox: в campaign.yaml (у многих провайдеров это весь адрес e-mail), затем нажмите «Проверить почту» и введите текущий пароль ящика</translation>
    </message>
    <message>
        <source>No recipient matches this template&apos;s audience ({audience}) narrowed by the query {query}: correct the query, or look for them in the Recipients tab.</source>
        <translation>Ни один адресат не соответствует аудитории этого шаблона ({audience}), суженной запросом {query}: исправьте запрос или поищите адресатов на вкладке «Адресаты».</translation>
    </message>
    <message>
        <source>No recipient matches this template&apos;s audience ({audience}): correct the audience in the Compose tab, or add recipients in the Recipients tab.</source>
        <translation>Ни один адресат не соответствует аудитории этого шаблона ({audience}): исправьте аудиторию на вкладке «Письмо» или добавьте адресатов на вкладке «Адресаты».</translation>
    </message>
</context>
<context>
    <name>ProgressPage</name>
    <message>
        <source>Ca&amp;ncel</source>
        <translation>О&amp;тменить</translation>
    </message>
    <message>
        <source>Stop after the message being sent; the rest are sent by the next run</source>
        <translation>Остановиться после текущего сообщения; остальные отправит следующий запуск</translation>
    </message>
</context>
<context>
    <name>RecipientDialog</name>
    <message>
        <source>Add recipient</source>
        <translation>Добавить адресата</translation>
    </message>
    <message>
        <source>Edit recipient — {name}</source>
        <translation>Изменить адресата — {name}</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Кто</translation>
    </message>
    <message>
        <source>How to reach them</source>
        <translation>Как связаться</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Учёт</translation>
    </message>
    <message>
        <source>Te&amp;xts in:</source>
        <translation>&amp;Тексты на языке:</translation>
    </message>
    <message>
        <source>Fields marked with a language are kept per language; saving changes only what you edit.</source>
        <translation>Поля с отметкой языка хранятся отдельно для каждого языка; сохранение меняет только то, что вы редактируете.</translation>
    </message>
    <message>
        <source>  (new file)</source>
        <translation>  (новый файл)</translation>
    </message>
    <message>
        <source>Another file…</source>
        <translation>Другой файл…</translation>
    </message>
    <message>
        <source>Save in file:</source>
        <translation>Сохранить в файле:</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Сегодня</translation>
    </message>
    <message>
        <source>Set to today&apos;s date (after checking the entry at its source)</source>
        <translation>Поставить сегодняшнюю дату (после проверки записи по источнику)</translation>
    </message>
    <message>
        <source>Choose a category…</source>
        <translation>Выберите категорию…</translation>
    </message>
    <message>
        <source>a name (or a position or organisation)</source>
        <translation>имя (или должность, или организацию)</translation>
    </message>
    <message>
        <source>To save, fill in: {fields}.</source>
        <translation>Чтобы сохранить, заполните: {fields}.</translation>
    </message>
    <message>
        <source>Correct the fields marked in red to save.</source>
        <translation>Чтобы сохранить, исправьте поля, отмеченные красным.</translation>
    </message>
    <message>
        <source>Discard the changes?</source>
        <translation>Отбросить изменения?</translation>
    </message>
    <message>
        <source>What you typed for this recipient is not saved. Discard it?</source>
        <translation>То, что вы ввели для этого адресата, не сохранено. Отбросить?</translation>
    </message>
    <message>
        <source>Save the new recipient in</source>
        <translation>Сохранить нового адресата в</translation>
    </message>
    <message>
        <source>Recipient files (*.csv *.yaml *.yml)</source>
        <translation>Файлы адресатов (*.csv *.yaml *.yml)</translation>
    </message>
    <message>
        <source>Choose a file in the recipients folder</source>
        <translation>Выберите файл в папке recipients</translation>
    </message>
    <message>
        <source>The directory reads the .csv and .yaml files in {folder}; choose (or name) a file there so the new recipient is part of it.</source>
        <translation>Справочник читает файлы .csv и .yaml в {folder}; выберите (или назовите) файл там, чтобы новый адресат попал в справочник.</translation>
    </message>
    <message>
        <source>&amp;Id</source>
        <translation>Иде&amp;нтификатор</translation>
    </message>
    <message>
        <source>&amp;Category</source>
        <translation>Ка&amp;тегория</translation>
    </message>
    <message>
        <source>&amp;Honorific</source>
        <translation>&amp;Обращение</translation>
    </message>
    <message>
        <source>&amp;Given name</source>
        <translation>&amp;Имя</translation>
    </message>
    <message>
        <source>&amp;Family name</source>
        <translation>&amp;Фамилия</translation>
    </message>
    <message>
        <source>Gen&amp;der</source>
        <translation>По&amp;л</translation>
    </message>
    <message>
        <source>&amp;Position</source>
        <translation>&amp;Должность</translation>
    </message>
    <message>
        <source>&amp;Organisation</source>
        <translation>Органи&amp;зация</translation>
    </message>
    <message>
        <source>Countr&amp;y</source>
        <translation>&amp;Страна</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Язык</translation>
    </message>
    <message>
        <source>&amp;E-mail</source>
        <translation>&amp;Эл. почта</translation>
    </message>
    <message>
        <source>Postal &amp;address</source>
        <translation>Почтовый &amp;адрес</translation>
    </message>
    <message>
        <source>&amp;Web form</source>
        <translation>&amp;Веб-форма</translation>
    </message>
    <message>
        <source>Address &amp;block</source>
        <translation>&amp;Блок адреса</translation>
    </message>
    <message>
        <source>Salutatio&amp;n</source>
        <translation>&amp;Приветствие</translation>
    </message>
    <message>
        <source>Political g&amp;roup</source>
        <translation>Политическая &amp;группа</translation>
    </message>
    <message>
        <source>Co&amp;mmittees</source>
        <translation>Ко&amp;митеты</translation>
    </message>
    <message>
        <source>&amp;Tags</source>
        <translation>Т&amp;еги</translation>
    </message>
    <message>
        <source>Source &amp;URL</source>
        <translation>&amp;URL источника</translation>
    </message>
    <message>
        <source>&amp;Verified on</source>
        <translation>П&amp;роверено</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Заметки</translation>
    </message>
    <message>
        <source>Personal note</source>
        <translation>Личное обращение</translation>
    </message>
    <message>
        <source>a paragraph for this recipient alone, where a template writes {{ personal_note }}</source>
        <translation>абзац только для этого адресата — там, где в шаблоне стоит {{ personal_note }}</translation>
    </message>
    <message>
        <source>a stable slug, e.g. mep-197840</source>
        <translation>постоянный идентификатор, напр. mep-197840</translation>
    </message>
    <message>
        <source>Ms, Mr, Dr, H.E. …</source>
        <translation>г-жа, г-н, д-р, Его Превосходительство…</translation>
    </message>
    <message>
        <source>two letters: UA, DE, SK</source>
        <translation>две буквы: UA, DE, SK</translation>
    </message>
    <message>
        <source>language of the letter: en, uk, fr …</source>
        <translation>язык письма: en, uk, fr …</translation>
    </message>
    <message>
        <source>https://… (where a contact form is the only channel)</source>
        <translation>https://… (если единственный канал — форма обратной связи)</translation>
    </message>
    <message>
        <source>only to override the usual salutation</source>
        <translation>только чтобы заменить обычное приветствие</translation>
    </message>
    <message>
        <source>separated by &apos;;&apos; — e.g. supporter; droi</source>
        <translation>через «;» — напр. supporter; droi</translation>
    </message>
    <message>
        <source>https://… where you checked this entry</source>
        <translation>https://… где вы проверили эту запись</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>ГГГГ-ММ-ДД</translation>
    </message>
    <message>
        <source>for an office: the position, e.g. Prosecutor General</source>
        <translation>для учреждения: должность, напр. Генеральный прокурор</translation>
    </message>
    <message>
        <source>— (not given)</source>
        <translation>— (не указано)</translation>
    </message>
    <message>
        <source>f (female)</source>
        <translation>f (женский)</translation>
    </message>
    <message>
        <source>m (male)</source>
        <translation>m (мужской)</translation>
    </message>
</context>
<context>
    <name>RecipientPicker</name>
    <message>
        <source>Type a name, office or organisation</source>
        <translation>Введите имя, должность или организацию</translation>
    </message>
</context>
<context>
    <name>RecipientsBrowser</name>
    <message>
        <source>No campaign open</source>
        <translation>Кампания не открыта</translation>
    </message>
    <message>
        <source>Loading recipients…</source>
        <translation>Загрузка адресатов…</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Загрузка…</translation>
    </message>
    <message>
        <source>Sorting…</source>
        <translation>Сортировка…</translation>
    </message>
    <message numerus="yes">
        <source>The recipient directory has %n problem(s). Correct them in the files named below, then press Reload (F5).</source>
        <translation>
            <numerusform>В справочнике адресатов %n проблема. Исправьте её в файлах, названных ниже, и нажмите «Перечитать» (F5).</numerusform>
            <numerusform>В справочнике адресатов %n проблемы. Исправьте их в файлах, названных ниже, и нажмите «Перечитать» (F5).</numerusform>
            <numerusform>В справочнике адресатов %n проблем. Исправьте их в файлах, названных ниже, и нажмите «Перечитать» (F5).</numerusform>
        </translation>
    </message>
    <message>
        <source>Directory not loaded</source>
        <translation>Справочник не загружен</translation>
    </message>
    <message>
        <source>{error}. The table still shows the results of the last valid search, “{query}”.</source>
        <translation>{error}. В таблице всё ещё результаты последнего правильного поиска: «{query}».</translation>
    </message>
    <message>
        <source>{error}. Until it is corrected, the search does not filter the table.</source>
        <translation>{error}. Пока запрос не исправлен, поиск не фильтрует таблицу.</translation>
    </message>
    <message>
        <source>Reading the contact log…</source>
        <translation>Читаем журнал контактов…</translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %Ln recipient(s)</source>
        <translation>
            <numerusform>{shown} из %Ln адресата</numerusform>
            <numerusform>{shown} из %Ln адресатов</numerusform>
            <numerusform>{shown} из %Ln адресатов</numerusform>
        </translation>
    </message>
    <message>
        <source>{count} without a contact channel</source>
        <translation>без канала связи: {count}</translation>
    </message>
    <message numerus="yes">
        <source>{count} not verified in %Ln day(s)</source>
        <translation>
            <numerusform>не проверено больше %Ln дня: {count}</numerusform>
            <numerusform>не проверено больше %Ln дней: {count}</numerusform>
            <numerusform>не проверено больше %Ln дней: {count}</numerusform>
        </translation>
    </message>
    <message>
        <source>All categories ({count})</source>
        <translation>Все категории ({count})</translation>
    </message>
    <message>
        <source>No recipient matches “{query}”.
Check the spelling, or leave out a term.</source>
        <translation>Ни один адресат не соответствует «{query}».
Проверьте написание или уберите одно из условий.</translation>
    </message>
    <message>
        <source>No recipient in the category “{category}” matches “{query}”.</source>
        <translation>Ни один адресат категории «{category}» не соответствует «{query}».</translation>
    </message>
    <message>
        <source>No recipient is in the category “{category}”.</source>
        <translation>В категории «{category}» нет ни одного адресата.</translation>
    </message>
    <message>
        <source>Show all categories ({count})</source>
        <translation>Показать все категории ({count})</translation>
    </message>
</context>
<context>
    <name>RecipientsModel</name>
    <message>
        <source>Doubtful address: a letter to {address} bounced ({when}). Check it at its source.</source>
        <translation>Сомнительный адрес: письмо на {address} вернулось ({when}). Проверьте его по источнику.</translation>
    </message>
    <message>
        <source>No contact channel: add an e-mail address, a postal address or a web form.</source>
        <translation>Нет канала связи: добавьте адрес электронной почты, почтовый адрес или веб-форму.</translation>
    </message>
    <message>
        <source>Never verified: check the entry at its source and fill in verified_on.</source>
        <translation>Никогда не проверялся: проверьте запись по источнику и заполните verified_on.</translation>
    </message>
    <message numerus="yes">
        <source>Last verified %Ln day(s) ago (more than {limit}, the campaign&apos;s freshness_days): people change office — check the entry at its source and update verified_on.</source>
        <translation>
            <numerusform>Последний раз проверено %Ln день назад (больше чем {limit}, freshness_days кампании): люди меняют должности — проверьте запись по источнику и обновите verified_on.</numerusform>
            <numerusform>Последний раз проверено %Ln дня назад (больше чем {limit}, freshness_days кампании): люди меняют должности — проверьте запись по источнику и обновите verified_on.</numerusform>
            <numerusform>Последний раз проверено %Ln дней назад (больше чем {limit}, freshness_days кампании): люди меняют должности — проверьте запись по источнику и обновите verified_on.</numerusform>
        </translation>
    </message>
    <message>
        <source>E-mail: {address}</source>
        <translation>Эл. почта: {address}</translation>
    </message>
    <message>
        <source>Post: {address}</source>
        <translation>Почта: {address}</translation>
    </message>
    <message>
        <source>Web form: {address}</source>
        <translation>Веб-форма: {address}</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Категория</translation>
    </message>
    <message>
        <source>Position / organisation</source>
        <translation>Должность / организация</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Страна</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Контакт</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Проверено</translation>
    </message>
    <message>
        <source>web form: {address}</source>
        <translation>веб-форма: {address}</translation>
    </message>
    <message>
        <source>post</source>
        <translation>почта</translation>
    </message>
    <message>
        <source>none</source>
        <translation>нет</translation>
    </message>
</context>
<context>
    <name>RecipientsTab</name>
    <message>
        <source>nothing</source>
        <translation>ничего</translation>
    </message>
    <message>
        <source>Imported: {summary}.</source>
        <translation>Импортировано: {summary}.</translation>
    </message>
    <message>
        <source>Import done</source>
        <translation>Импорт завершён</translation>
    </message>
    <message>
        <source>Imported {file}: {summary}.

Written: {written}</source>
        <translation>Импортирован {file}: {summary}.

Записано: {written}</translation>
    </message>
    <message>
        <source> from {file}</source>
        <translation> из {file}</translation>
    </message>
    <message>
        <source>Delete recipient</source>
        <translation>Удалить адресата</translation>
    </message>
    <message>
        <source>Delete {name} ({id}){where}?

The entry is removed from the file. This cannot be undone.</source>
        <translation>Удалить {name} ({id}){where}?

Запись будет удалена из файла. Это действие нельзя отменить.</translation>
    </message>
    <message>
        <source>Deleted {id} from {file}.</source>
        <translation>{id} удалён из {file}.</translation>
    </message>
    <message>
        <source> (hidden by the search or category)</source>
        <translation> (скрыт поиском или категорией)</translation>
    </message>
    <message>
        <source>Added {id} to {file}{hidden}.</source>
        <translation>{id} добавлен в {file}{hidden}.</translation>
    </message>
    <message>
        <source>No changes to save.</source>
        <translation>Нет изменений для сохранения.</translation>
    </message>
    <message>
        <source>Saved {id} in {file}.</source>
        <translation>{id} сохранён в {file}.</translation>
    </message>
    <message>
        <source>no file of the directory holds &apos;{id}&apos; any more</source>
        <translation>ни один файл справочника больше не содержит «{id}»</translation>
    </message>
    <message>
        <source>the files changed on disk: press Reload (F5)</source>
        <translation>файлы на диске изменились: нажмите «Перечитать» (F5)</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Сохранение…</translation>
    </message>
    <message>
        <source>Not saved.</source>
        <translation>Не сохранено.</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Не сохранено</translation>
    </message>
</context>
<context>
    <name>RecipientsWidgets</name>
    <message>
        <source>S&amp;earch:</source>
        <translation>По&amp;иск:</translation>
    </message>
    <message>
        <source>e.g. simecka   category:mep country:SK   tag:supporter -language:uk</source>
        <translation>напр. simecka   category:mep country:SK   tag:supporter -language:uk</translation>
    </message>
    <message>
        <source>The same queries as campaign-app --query: words are looked for in names, positions and organisations (case and accents ignored); field:value compares one field; -term excludes.</source>
        <translation>Те же запросы, что и campaign-app --query: слова ищутся в именах, должностях и организациях (без учёта регистра и диакритики); поле:значение сравнивает одно поле; -условие исключает.</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>Д&amp;обавить…</translation>
    </message>
    <message>
        <source>Add a recipient (Insert)</source>
        <translation>Добавить адресата (Insert)</translation>
    </message>
    <message>
        <source>Ed&amp;it…</source>
        <translation>Изм&amp;енить…</translation>
    </message>
    <message>
        <source>Edit the selected recipient (Enter or F2)</source>
        <translation>Изменить выбранного адресата (Enter или F2)</translation>
    </message>
    <message>
        <source>De&amp;lete</source>
        <translation>&amp;Удалить</translation>
    </message>
    <message>
        <source>Delete the selected recipient (Delete)</source>
        <translation>Удалить выбранного адресата (Delete)</translation>
    </message>
    <message>
        <source>I&amp;mport…</source>
        <translation>И&amp;мпорт…</translation>
    </message>
    <message>
        <source>Import recipients from a CSV, Excel, European Parliament XML or YAML file (Ctrl+I): see what would be added, merged and skipped before anything is written</source>
        <translation>Импортировать адресатов из файла CSV, Excel, XML Европейского парламента или YAML (Ctrl+I): сначала видно, что будет добавлено, объединено и пропущено, и только потом что-то записывается</translation>
    </message>
    <message>
        <source>Reloa&amp;d</source>
        <translation>Пе&amp;речитать</translation>
    </message>
    <message>
        <source>Read the recipient files again (F5), e.g. after editing them elsewhere</source>
        <translation>Прочитать файлы адресатов заново (F5), напр. после редактирования в другом месте</translation>
    </message>
    <message>
        <source>Ca&amp;tegory</source>
        <translation>Ка&amp;тегория</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>Все категории</translation>
    </message>
    <message>
        <source>Loading recipients…</source>
        <translation>Загрузка адресатов…</translation>
    </message>
    <message>
        <source>Marked in the table: the Contact column of entries no letter can reach, and the Verified column of entries not checked at their source within the campaign&apos;s freshness_days (campaign.yaml).</source>
        <translation>Отмечено в таблице: столбец «Контакт» — записи, до которых не дойдёт ни одно письмо, и столбец «Проверено» — записи, не сверенные с источником в течение freshness_days кампании (campaign.yaml).</translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation>Очистить поиск</translation>
    </message>
    <message>
        <source>Empty the search box (Esc in the box)</source>
        <translation>Очистить поле поиска (Esc в поле)</translation>
    </message>
</context>
<context>
    <name>RowsModel</name>
    <message>
        <source>Row</source>
        <translation>Строка</translation>
    </message>
</context>
<context>
    <name>SectionModel</name>
    <message>
        <source>hearing</source>
        <translation>заседание</translation>
    </message>
    <message>
        <source>decision</source>
        <translation>решение</translation>
    </message>
    <message>
        <source>deadline</source>
        <translation>крайний срок</translation>
    </message>
    <message>
        <source>filing</source>
        <translation>подача</translation>
    </message>
    <message>
        <source>detention</source>
        <translation>задержание</translation>
    </message>
    <message>
        <source>statement</source>
        <translation>заявление</translation>
    </message>
    <message>
        <source>other</source>
        <translation>другое</translation>
    </message>
    <message>
        <source>official</source>
        <translation>должностное лицо</translation>
    </message>
    <message>
        <source>parliamentarian</source>
        <translation>парламентарий</translation>
    </message>
    <message>
        <source>UN</source>
        <translation>ООН</translation>
    </message>
    <message>
        <source>international organisation</source>
        <translation>международная организация</translation>
    </message>
    <message>
        <source>NGO</source>
        <translation>НКО</translation>
    </message>
    <message>
        <source>activists</source>
        <translation>активисты</translation>
    </message>
    <message>
        <source>in the future</source>
        <translation>в будущем</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n день</numerusform>
            <numerusform>%n дня</numerusform>
            <numerusform>%n дней</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n month(s)</source>
        <translation>
            <numerusform>%n месяц</numerusform>
            <numerusform>%n месяца</numerusform>
            <numerusform>%n месяцев</numerusform>
        </translation>
    </message>
    <message>
        <source>{years} years</source>
        <translation>{years} г.</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Event ({lang})</source>
        <translation>Событие ({lang})</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Источники</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Fact ({lang})</source>
        <translation>Факт ({lang})</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>На дату</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Давность</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Метка</translation>
    </message>
    <message>
        <source>Title ({lang})</source>
        <translation>Заголовок ({lang})</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Пункты</translation>
    </message>
    <message>
        <source>Demand ({lang})</source>
        <translation>Требование ({lang})</translation>
    </message>
    <message>
        <source>Name ({lang})</source>
        <translation>Имя ({lang})</translation>
    </message>
    <message>
        <source>Publisher ({lang})</source>
        <translation>Издатель ({lang})</translation>
    </message>
    <message>
        <source>Web address</source>
        <translation>Веб-адрес</translation>
    </message>
    <message>
        <source>no date</source>
        <translation>без даты</translation>
    </message>
    <message>
        <source> — stale</source>
        <translation> — устарело</translation>
    </message>
    <message numerus="yes">
        <source>Stated as of {date}: %n day(s) ago, more than the campaign&apos;s facts_stale_after_days ({limit}). A letter stating it as current may no longer be true: check it, then update its text and As of — or date it in the letter.</source>
        <translation>
            <numerusform>По состоянию на {date}: %n день назад, больше чем facts_stale_after_days кампании ({limit}). Письмо, которое подаёт это как актуальное, может уже быть неверным: проверьте, затем обновите текст и «На дату» — или укажите дату в письме.</numerusform>
            <numerusform>По состоянию на {date}: %n дня назад, больше чем facts_stale_after_days кампании ({limit}). Письмо, которое подаёт это как актуальное, может уже быть неверным: проверьте, затем обновите текст и «На дату» — или укажите дату в письме.</numerusform>
            <numerusform>По состоянию на {date}: %n дней назад, больше чем facts_stale_after_days кампании ({limit}). Письмо, которое подаёт это как актуальное, может уже быть неверным: проверьте, затем обновите текст и «На дату» — или укажите дату в письме.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SendDialog</name>
    <message>
        <source>Send letters by e-mail</source>
        <translation>Отправить письма электронной почтой</translation>
    </message>
    <message>
        <source>This campaign has no letter templates yet: write one in the Compose tab.</source>
        <translation>В этой кампании ещё нет шаблонов писем: напишите шаблон на вкладке «Письмо».</translation>
    </message>
    <message>
        <source>Working out who gets this letter…</source>
        <translation>Выясняем, кто получит это письмо…</translation>
    </message>
    <message>
        <source>Building the first messages…</source>
        <translation>Составляем первые сообщения…</translation>
    </message>
    <message>
        <source>The messages cannot be built:</source>
        <translation>Сообщения не удаётся составить:</translation>
    </message>
    <message>
        <source>Send letters</source>
        <translation>Отправить письма</translation>
    </message>
    <message>
        <source>The password could not be read from the keyring.</source>
        <translation>Не удалось прочитать пароль из хранилища паролей.</translation>
    </message>
    <message>
        <source>Password for {user} on {server}
(not stored):</source>
        <translation>Пароль для {user} на {server}
(не сохраняется):</translation>
    </message>
    <message numerus="yes">
        <source>Checking the %n letter(s) to attach (writing any missing)…</source>
        <translation>
            <numerusform>Проверяем %n письмо для вложения (дописываем недостающие)…</numerusform>
            <numerusform>Проверяем %n письма для вложения (дописываем недостающие)…</numerusform>
            <numerusform>Проверяем %n писем для вложения (дописываем недостающие)…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{done} of %n message(s)</source>
        <translation>
            <numerusform>{done} из %n сообщения</numerusform>
            <numerusform>{done} из %n сообщений</numerusform>
            <numerusform>{done} из %n сообщений</numerusform>
        </translation>
    </message>
    <message>
        <source> · {failed} failed</source>
        <translation> · с ошибкой: {failed}</translation>
    </message>
    <message>
        <source> · cancelling: the message being sent finishes…</source>
        <translation> · отмена: текущее сообщение будет отправлено до конца…</translation>
    </message>
    <message>
        <source> · Writing to {name}…</source>
        <translation> · Записываем для {name}…</translation>
    </message>
    <message>
        <source> · Sending to {name}…</source>
        <translation> · Отправляем: {name}…</translation>
    </message>
    <message>
        <source>Cancelling: the message being sent finishes, the rest are not sent…</source>
        <translation>Отмена: текущее сообщение будет отправлено до конца, остальные — нет…</translation>
    </message>
    <message>
        <source>Stop sending?</source>
        <translation>Остановить отправку?</translation>
    </message>
    <message>
        <source>Letters are still being sent. Stop now? The message being sent finishes; the rest are not sent and can be sent later.</source>
        <translation>Письма ещё отправляются. Остановить сейчас? Текущее сообщение будет отправлено до конца; остальные не будут отправлены, их можно отправить позже.</translation>
    </message>
</context>
<context>
    <name>SendDialogLayout</name>
    <message>
        <source>Open Settin&amp;gs</source>
        <translation>Открыть &amp;настройки</translation>
    </message>
    <message>
        <source>Fill in the mail server (SMTP) in the Settings tab</source>
        <translation>Укажите почтовый сервер (SMTP) на вкладке «Настройки»</translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation>П&amp;росмотр</translation>
    </message>
    <message numerus="yes">
        <source>Show the first %n message(s) as they will be sent</source>
        <translation>
            <numerusform>Показать первое %n сообщение так, как оно будет отправлено</numerusform>
            <numerusform>Показать первые %n сообщения так, как они будут отправлены</numerusform>
            <numerusform>Показать первые %n сообщений так, как они будут отправлены</numerusform>
        </translation>
    </message>
    <message>
        <source>Write .&amp;eml files</source>
        <translation>Записать файлы .&amp;eml</translation>
    </message>
    <message>
        <source>Dry run: write every message as an .eml file beside its letter, to open in a mail program; nothing is sent</source>
        <translation>Пробный запуск: записать каждое сообщение в файл .eml рядом с письмом, чтобы открыть в почтовой программе; ничего не отправляется</translation>
    </message>
    <message>
        <source>&amp;Send…</source>
        <translation>&amp;Отправить…</translation>
    </message>
    <message>
        <source>Asks for confirmation, then the password, then sends</source>
        <translation>Сначала просит подтверждение, затем пароль, затем отправляет</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Закрыть</translation>
    </message>
    <message>
        <source>SMTP password</source>
        <translation>Пароль SMTP</translation>
    </message>
</context>
<context>
    <name>SendPlan</name>
    <message>
        <source>Meanwhile, Preview and Write .eml files show what would go.</source>
        <translation>А пока «Просмотр» и «Записать файлы .eml» покажут, что именно будет отправлено.</translation>
    </message>
    <message>
        <source>No mail server is set up for this campaign, so nothing can be sent yet.</source>
        <translation>Для этой кампании не настроен почтовый сервер, поэтому пока ничего нельзя отправить.</translation>
    </message>
    <message>
        <source>Fill in the SMTP server, user name and From address in the Settings tab.</source>
        <translation>Укажите сервер SMTP, имя пользователя и адрес отправителя на вкладке «Настройки».</translation>
    </message>
    <message>
        <source>The sender still holds a new campaign&apos;s placeholders ({fields}), so nothing can be sent yet: put your organisation, address and signatories in the Settings tab.</source>
        <translation>В отправителе всё ещё заполнители новой кампании ({fields}), поэтому пока ничего нельзя отправить: укажите свою организацию, адрес и подписантов на вкладке «Настройки».</translation>
    </message>
    <message>
        <source>This campaign still writes as the bundled example&apos;s made-up sender, so nothing can be sent yet: put your organisation, address and signatories in the Settings tab and untick &quot;The bundled example&apos;s sender&quot; there.</source>
        <translation>Эта кампания всё ещё пишет от вымышленного отправителя из встроенного примера, поэтому пока ничего нельзя отправить: укажите свою организацию, адрес и подписантов на вкладке «Настройки» и снимите там отметку «Отправитель из встроенного примера».</translation>
    </message>
    <message>
        <source>Nothing to send: {reason}.</source>
        <translation>Отправлять нечего: {reason}.</translation>
    </message>
    <message>
        <source> as {user}</source>
        <translation> от имени {user}</translation>
    </message>
    <message>
        <source>{count} already sent</source>
        <translation>уже отправлено: {count}</translation>
    </message>
    <message>
        <source>{count} uncertain (not sent again)</source>
        <translation>неизвестно: {count} (повторно не отправляются)</translation>
    </message>
    <message>
        <source>{count} uncertain</source>
        <translation>неизвестно: {count}</translation>
    </message>
    <message>
        <source>{count} kept in out/sent/ as sent but not in the contact log (not sent again)</source>
        <translation>{count} сохранены в out/sent/ как отправленные, но их нет в журнале контактов (повторно не отправлены)</translation>
    </message>
    <message>
        <source>{count} being sent right now elsewhere (left to that send)</source>
        <translation>{count} прямо сейчас отправляются в другом месте (оставлено той отправке)</translation>
    </message>
    <message>
        <source>{count} changed since they were sent (not sent again)</source>
        <translation>изменено после отправки: {count} (повторно не отправляются)</translation>
    </message>
    <message>
        <source>{count} without e-mail (post/web form)</source>
        <translation>без эл. почты: {count} (почта/веб-форма)</translation>
    </message>
    <message>
        <source>Warning: {line}</source>
        <translation>Предупреждение: {line}</translation>
    </message>
    <message>
        <source>about {time}</source>
        <translation>около {time}</translation>
    </message>
    <message>
        <source>under a minute</source>
        <translation>меньше минуты</translation>
    </message>
    <message>
        <source>At most {rate} per minute: {pace}.</source>
        <translation>Не больше {rate} в минуту: {pace}.</translation>
    </message>
    <message>
        <source>From: {sender}
Server: {server}</source>
        <translation>От: {sender}
Сервер: {server}</translation>
    </message>
    <message>
        <source>Account: {user}</source>
        <translation>Учётная запись: {user}</translation>
    </message>
    <message>
        <source>Template: {template}</source>
        <translation>Шаблон: {template}</translation>
    </message>
    <message>
        <source>Each letter is recorded in the contact log as it goes.</source>
        <translation>Каждое письмо записывается в журнал контактов, как только оно отправлено.</translation>
    </message>
</context>
<context>
    <name>SendPreview</name>
    <message>
        <source>Preview shows the first messages exactly as they will be sent. Write .eml files is a dry run of all of them. Nothing leaves this computer until you press Send and confirm.</source>
        <translation>«Просмотр» показывает первые сообщения точно так, как они будут отправлены. «Записать файлы .eml» — пробный запуск для всех. Ничто не покинет этот компьютер, пока вы не нажмёте «Отправить» и не подтвердите.</translation>
    </message>
    <message>
        <source>{size} kB</source>
        <translation>{size} КБ</translation>
    </message>
    <message>
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>От:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>Кому:</translation>
    </message>
    <message>
        <source>Reply-To:</source>
        <translation>Ответ на:</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>Тема:</translation>
    </message>
    <message>
        <source>Attached:</source>
        <translation>Вложения:</translation>
    </message>
</context>
<context>
    <name>SettingsFieldWidgets</name>
    <message>
        <source>STARTTLS (usually port 587)</source>
        <translation>STARTTLS (обычно порт 587)</translation>
    </message>
    <message>
        <source>SSL/TLS (usually port 465)</source>
        <translation>SSL/TLS (обычно порт 465)</translation>
    </message>
    <message>
        <source>US Letter</source>
        <translation>US Letter (американский)</translation>
    </message>
    <message>
        <source>your computer account&apos;s name</source>
        <translation>имя вашей учётной записи на компьютере</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Вы</translation>
    </message>
    <message>
        <source>e.g. Anna K. (if empty: {name})</source>
        <translation>напр. Анна К. (если пусто: {name})</translation>
    </message>
    <message>
        <source>Recorded with every letter you generate, send or mark, so a coordinator knows who did what</source>
        <translation>Записывается с каждым письмом, которое вы создаёте, отправляете или отмечаете, чтобы координатор знал, кто что сделал</translation>
    </message>
    <message>
        <source>Your name:</source>
        <translation>Ваше имя:</translation>
    </message>
    <message>
        <source>Recorded in the contact log. Kept on this computer, not in campaign.yaml.</source>
        <translation>Записывается в журнал контактов. Хранится на этом компьютере, а не в campaign.yaml.</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Как в системе</translation>
    </message>
    <message>
        <source>Window language:</source>
        <translation>Язык окна:</translation>
    </message>
    <message>
        <source>The window speaks the language chosen here from its next start.</source>
        <translation>Выбранный здесь язык будет действовать со следующего запуска программы.</translation>
    </message>
    <message>
        <source>Letters</source>
        <translation>Письма</translation>
    </message>
    <message>
        <source> days</source>
        <translation> дн.</translation>
    </message>
    <message>
        <source>A contact without a reply is due for a follow-up after this many days</source>
        <translation>Через столько дней без ответа пора отправить напоминание</translation>
    </message>
    <message>
        <source>Used for any text that has no version in a letter&apos;s language</source>
        <translation>Используется для текстов, которых нет на языке письма</translation>
    </message>
    <message>
        <source>Paper si&amp;ze:</source>
        <translation>Фор&amp;мат бумаги:</translation>
    </message>
    <message>
        <source>Fo&amp;llow up after:</source>
        <translation>Напоминать &amp;через:</translation>
    </message>
    <message>
        <source>Default lan&amp;guage:</source>
        <translation>&amp;Язык по умолчанию:</translation>
    </message>
    <message>
        <source>Sending e-mail (SMTP)</source>
        <translation>Отправка почты (SMTP)</translation>
    </message>
    <message>
        <source>Letters are sent over TLS only (STARTTLS or SSL/TLS), never in plain text.</source>
        <translation>Письма отправляются только через TLS (STARTTLS или SSL/TLS), никогда открытым текстом.</translation>
    </message>
    <message>
        <source>smtp.example.org</source>
        <translation>smtp.example.org</translation>
    </message>
    <message>
        <source>usually your e-mail address</source>
        <translation>обычно ваш адрес эл. почты</translation>
    </message>
    <message>
        <source>the address letters are sent from</source>
        <translation>адрес, с которого отправляются письма</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>необязательно</translation>
    </message>
    <message>
        <source> e-mails per minute</source>
        <translation> писем в минуту</translation>
    </message>
    <message>
        <source>Sending slowly keeps the provider from taking the account for a spammer</source>
        <translation>Медленная отправка не даёт почтовому провайдеру принять учётную запись за спамера</translation>
    </message>
    <message>
        <source>Server (hos&amp;t):</source>
        <translation>Се&amp;рвер (хост):</translation>
    </message>
    <message>
        <source>Security:</source>
        <translation>Защита:</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Порт:</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>Пользователь:</translation>
    </message>
    <message>
        <source>Fro&amp;m:</source>
        <translation>&amp;От:</translation>
    </message>
    <message>
        <source>Reply-to:</source>
        <translation>Отвечать на:</translation>
    </message>
    <message>
        <source>Send at most:</source>
        <translation>Отправлять не больше:</translation>
    </message>
    <message>
        <source>SMTP password</source>
        <translation>Пароль SMTP</translation>
    </message>
    <message>
        <source>Keyring in use: checking…</source>
        <translation>Хранилище паролей: проверяем…</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>Проверить снова</translation>
    </message>
    <message>
        <source>Look at the system keyring again (after unlocking it, for example)</source>
        <translation>Снова обратиться к системному хранилищу паролей (например, после его разблокировки)</translation>
    </message>
    <message>
        <source>to store in the keyring</source>
        <translation>для хранилища</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Паро&amp;ль:</translation>
    </message>
    <message>
        <source>Store in &amp;keyring</source>
        <translation>Сохранить в &amp;хранилище</translation>
    </message>
    <message>
        <source>Forget</source>
        <translation>Забыть</translation>
    </message>
    <message>
        <source>Remove this account&apos;s password from the keyring</source>
        <translation>Удалить пароль этой учётной записи из хранилища паролей</translation>
    </message>
    <message>
        <source>Ask for the password each time I se&amp;nd (never store it)</source>
        <translation>Спра&amp;шивать пароль при каждой отправке (никогда не сохранять)</translation>
    </message>
    <message>
        <source>Saved in campaign.yaml as &apos;password: ask&apos;: a choice, not a password</source>
        <translation>Сохраняется в campaign.yaml как «password: ask»: это выбор, а не пароль</translation>
    </message>
</context>
<context>
    <name>SettingsForm</name>
    <message>
        <source>Organ&amp;isation</source>
        <translation>Органи&amp;зация</translation>
    </message>
    <message>
        <source>A&amp;ddress</source>
        <translation>Адр&amp;ес</translation>
    </message>
    <message>
        <source>Cit&amp;y</source>
        <translation>&amp;Город</translation>
    </message>
    <message>
        <source>Street and number
Postcode City
Country</source>
        <translation>Улица и номер дома
Индекс Город
Страна</translation>
    </message>
    <message>
        <source>The same text in every language</source>
        <translation>Один и тот же текст для всех языков</translation>
    </message>
    <message>
        <source>campaign.yaml cannot be edited here until it is corrected:</source>
        <translation>campaign.yaml нельзя редактировать здесь, пока он не исправлен:</translation>
    </message>
    <message>
        <source>the organisation is empty — every letter needs a sender</source>
        <translation>организация не указана — каждому письму нужен отправитель</translation>
    </message>
    <message>
        <source>Choose the letterhead logo</source>
        <translation>Выберите логотип для бланка</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>Изображения (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>Correct the marked fields to save.</source>
        <translation>Чтобы сохранить, исправьте отмеченные поля.</translation>
    </message>
    <message>
        <source>Unsaved changes.</source>
        <translation>Несохранённые изменения.</translation>
    </message>
    <message>
        <source>{port} (the default)</source>
        <translation>{port} (по умолчанию)</translation>
    </message>
    <message>
        <source>(no organisation)</source>
        <translation>(без организации)</translation>
    </message>
</context>
<context>
    <name>SettingsKeyring</name>
    <message>
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <source> ({state}: not used)</source>
        <translation> ({state}: не используется)</translation>
    </message>
    <message>
        <source>Keyring in use: {keyring}</source>
        <translation>Хранилище паролей: {keyring}</translation>
    </message>
    <message>
        <source>Looking at the system keyring…</source>
        <translation>Обращаемся к системному хранилищу паролей…</translation>
    </message>
    <message>
        <source>The password will be asked for each time you send, and never saved.</source>
        <translation>Пароль будут спрашивать при каждой отправке и никогда не будут сохранять.</translation>
    </message>
    <message>
        <source>Nothing is stored: the password will be asked for each time you send.</source>
        <translation>Ничего не хранится: пароль будут спрашивать при каждой отправке.</translation>
    </message>
    <message>
        <source>Enter the server and the user name to store a password for that account.</source>
        <translation>Укажите сервер и имя пользователя, чтобы сохранить пароль для этой учётной записи.</translation>
    </message>
    <message>
        <source>A password for {account} is stored in the keyring.</source>
        <translation>Пароль для {account} сохранён в хранилище паролей.</translation>
    </message>
    <message>
        <source>No password is stored for {account} yet.</source>
        <translation>Для {account} пароль ещё не сохранён.</translation>
    </message>
    <message>
        <source>Stored in the keyring.</source>
        <translation>Сохранено в хранилище паролей.</translation>
    </message>
    <message>
        <source>Removed from the keyring.</source>
        <translation>Удалено из хранилища паролей.</translation>
    </message>
</context>
<context>
    <name>SettingsTab</name>
    <message>
        <source>Your name is saved: {name}.</source>
        <translation>Ваше имя сохранено: {name}.</translation>
    </message>
    <message>
        <source>Your name is cleared.</source>
        <translation>Ваше имя удалено.</translation>
    </message>
    <message>
        <source>Saved: the window speaks {language} from its next start.</source>
        <translation>Сохранено: язык окна — {language}, со следующего запуска.</translation>
    </message>
    <message>
        <source>Saved: from its next start the window follows the system&apos;s language.</source>
        <translation>Сохранено: со следующего запуска окно будет на языке системы.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Сохранение…</translation>
    </message>
    <message>
        <source>Saved campaign.yaml at {time}.</source>
        <translation>campaign.yaml сохранён в {time}.</translation>
    </message>
    <message>
        <source>Not saved: campaign.yaml is unchanged.</source>
        <translation>Не сохранено: campaign.yaml не изменён.</translation>
    </message>
    <message>
        <source>Not saved.</source>
        <translation>Не сохранено.</translation>
    </message>
</context>
<context>
    <name>SettingsWidgets</name>
    <message>
        <source>Revert</source>
        <translation>Вернуть</translation>
    </message>
    <message>
        <source>Forget the changes not saved yet</source>
        <translation>Отменить ещё не сохранённые изменения</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>Сохранить настройки</translation>
    </message>
    <message>
        <source>Write campaign.yaml ({keys})</source>
        <translation>Записать campaign.yaml ({keys})</translation>
    </message>
    <message>
        <source>Sender</source>
        <translation>Отправитель</translation>
    </message>
    <message>
        <source>office@example.org</source>
        <translation>office@example.org</translation>
    </message>
    <message>
        <source>https://example.org</source>
        <translation>https://example.org</translation>
    </message>
    <message>
        <source>images/logo.png (a PNG or JPEG in the campaign folder)</source>
        <translation>images/logo.png (PNG или JPEG в папке кампании)</translation>
    </message>
    <message>
        <source>Choose the logo printed at the top of every letter</source>
        <translation>Выбрать логотип, который печатается вверху каждого письма</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>&amp;Эл. почта:</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Телефон:</translation>
    </message>
    <message>
        <source>Website:</source>
        <translation>Сайт:</translation>
    </message>
    <message>
        <source>The bundled e&amp;xample&apos;s sender</source>
        <translation>Отправитель &amp;из встроенного примера</translation>
    </message>
    <message>
        <source>While ticked, letters are marked EXAMPLE and never sent: untick it once the sender above is your own.</source>
        <translation>Пока отмечено, письма помечаются «ОБРАЗЕЦ» (в английских письмах — EXAMPLE) и никогда не отправляются: снимите отметку, как только отправитель выше станет вашим собственным.</translation>
    </message>
    <message>
        <source>Choose image…</source>
        <translation>Выбрать изображение…</translation>
    </message>
    <message>
        <source>Logo:</source>
        <translation>Логотип:</translation>
    </message>
    <message>
        <source>Letterhead</source>
        <translation>Бланк</translation>
    </message>
    <message>
        <source>Printed at the top of every letter, from the sender above.</source>
        <translation>Печатается вверху каждого письма, из данных отправителя выше.</translation>
    </message>
    <message>
        <source>Language of the letterhead preview</source>
        <translation>Язык предпросмотра бланка</translation>
    </message>
    <message>
        <source>Signatories</source>
        <translation>Подписанты</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>До&amp;бавить</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Убрать</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Выше</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Ниже</translation>
    </message>
    <message>
        <source>F2 or double-click to edit. They sign in this order.</source>
        <translation>F2 или двойной щелчок — редактировать. Подписывают в таком порядке.</translation>
    </message>
</context>
<context>
    <name>SignatoryModel</name>
    <message>
        <source>Signature image</source>
        <translation>Образец подписи</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Роль</translation>
    </message>
    <message>
        <source>A PNG or JPEG in the campaign folder (e.g. images/signature.png), set above the name</source>
        <translation>PNG или JPEG в папке кампании (напр. images/signature.png), размещается над именем</translation>
    </message>
    <message>
        <source>The same text in every language</source>
        <translation>Один и тот же текст для всех языков</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>failed</source>
        <translation>ошибка</translation>
    </message>
    <message>
        <source>uncertain</source>
        <translation>неизвестно</translation>
    </message>
    <message>
        <source>not sent</source>
        <translation>не отправлено</translation>
    </message>
    <message>
        <source>kept as sent, not in the log</source>
        <translation>сохранено как отправленное, нет в журнале</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>отправлено</translation>
    </message>
    <message>
        <source>written</source>
        <translation>записано</translation>
    </message>
    <message>
        <source>by hand</source>
        <translation>вручную</translation>
    </message>
    <message>
        <source>uncertain, not sent again</source>
        <translation>неизвестно, повторно не отправлено</translation>
    </message>
    <message>
        <source>printed</source>
        <translation>напечатано</translation>
    </message>
    <message>
        <source>already sent</source>
        <translation>уже отправлено</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Адресат</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Результат</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Подробности</translation>
    </message>
    <message>
        <source>Letter file</source>
        <translation>Файл письма</translation>
    </message>
    <message>
        <source>Open fold&amp;er</source>
        <translation>Открыть &amp;папку</translation>
    </message>
    <message>
        <source>Show the letters (and .eml files) in the file manager</source>
        <translation>Показать письма (и файлы .eml) в файловом менеджере</translation>
    </message>
    <message>
        <source>Nothing was sent.</source>
        <translation>Ничего не отправлено.</translation>
    </message>
    <message>
        <source>The batch stopped: {reason}</source>
        <translation>Рассылка остановлена: {reason}</translation>
    </message>
    <message>
        <source>{count} {outcome}</source>
        <translation>{outcome}: {count}</translation>
    </message>
    <message numerus="yes">
        <source>%n recipient(s) without an e-mail address: print or upload their letter (Letter file column, in {folder}), then mark them sent by post or web form in the Outreach tab.</source>
        <translation>
            <numerusform>%n адресат без адреса эл. почты: распечатайте или загрузите его письмо (столбец «Файл письма», в {folder}), затем отметьте как отправленное почтой или через веб-форму на вкладке «Контакты».</numerusform>
            <numerusform>%n адресата без адреса эл. почты: распечатайте или загрузите их письма (столбец «Файл письма», в {folder}), затем отметьте как отправленные почтой или через веб-форму на вкладке «Контакты».</numerusform>
            <numerusform>%n адресатов без адреса эл. почты: распечатайте или загрузите их письма (столбец «Файл письма», в {folder}), затем отметьте как отправленные почтой или через веб-форму на вкладке «Контакты».</numerusform>
        </translation>
    </message>
    <message>
        <source>The .eml files are beside the letters in {folder}.</source>
        <translation>Файлы .eml лежат рядом с письмами в {folder}.</translation>
    </message>
    <message>
        <source>to send it anyway, tick “Resend letters whose sending was interrupted”</source>
        <translation>чтобы всё же отправить, отметьте «Повторно отправить письма, отправка которых прервалась»</translation>
    </message>
    <message>
        <source>the new version is sent from the command line: {command} --resend {id}</source>
        <translation>новую версию отправляют из командной строки: {command} --resend {id}</translation>
    </message>
    <message numerus="yes">
        <source>Dry run: %n message(s) written as .eml files in {time}; nothing was sent.</source>
        <translation>
            <numerusform>Пробный запуск: %n сообщение записано в файлы .eml за {time}; ничего не отправлено.</numerusform>
            <numerusform>Пробный запуск: %n сообщения записаны в файлы .eml за {time}; ничего не отправлено.</numerusform>
            <numerusform>Пробный запуск: %n сообщений записано в файлы .eml за {time}; ничего не отправлено.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stopped: {done} of %n letter(s) sent in {time}.</source>
        <translation>
            <numerusform>Остановлено: отправлено {done} из %n письма за {time}.</numerusform>
            <numerusform>Остановлено: отправлено {done} из %n писем за {time}.</numerusform>
            <numerusform>Остановлено: отправлено {done} из %n писем за {time}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancelled: {done} of %n letter(s) sent in {time}; Send again to send the rest.</source>
        <translation>
            <numerusform>Отменено: отправлено {done} из %n письма за {time}; нажмите «Отправить» ещё раз, чтобы отправить остальные.</numerusform>
            <numerusform>Отменено: отправлено {done} из %n писем за {time}; нажмите «Отправить» ещё раз, чтобы отправить остальные.</numerusform>
            <numerusform>Отменено: отправлено {done} из %n писем за {time}; нажмите «Отправить» ещё раз, чтобы отправить остальные.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Finished: {done} of %n letter(s) sent in {time}; see the problems below.</source>
        <translation>
            <numerusform>Готово: отправлено {done} из %n письма за {time}; проблемы см. ниже.</numerusform>
            <numerusform>Готово: отправлено {done} из %n писем за {time}; проблемы см. ниже.</numerusform>
            <numerusform>Готово: отправлено {done} из %n писем за {time}; проблемы см. ниже.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Finished: %n letter(s) sent in {time}.</source>
        <translation>
            <numerusform>Готово: %n письмо отправлено за {time}.</numerusform>
            <numerusform>Готово: %n письма отправлено за {time}.</numerusform>
            <numerusform>Готово: %n писем отправлено за {time}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TeamLogBox</name>
    <message>
        <source>Team&apos;s contact log</source>
        <translation>Журнал контактов команды</translation>
    </message>
    <message>
        <source>Empty: the log is campaign.db in the campaign folder. A team shares one log on PostgreSQL: paste the address your coordinator gave you.</source>
        <translation>Пусто: журнал — это campaign.db в папке кампании. Команда ведёт один общий журнал в PostgreSQL: вставьте адрес, который дал вам координатор.</translation>
    </message>
    <message>
        <source>Team&apos;s database address</source>
        <translation>Адрес базы данных команды</translation>
    </message>
    <message>
        <source>Database address:</source>
        <translation>Адрес базы данных:</translation>
    </message>
    <message>
        <source>your own database password</source>
        <translation>ваш собственный пароль к базе данных</translation>
    </message>
    <message>
        <source>Team database password</source>
        <translation>Пароль к базе данных команды</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Пароль:</translation>
    </message>
    <message>
        <source>Check and keep</source>
        <translation>Проверить и сохранить</translation>
    </message>
    <message>
        <source>Connect to the team&apos;s database with this password, then keep it in the system keyring</source>
        <translation>Подключиться к базе данных команды с этим паролем, затем сохранить его в системном хранилище паролей</translation>
    </message>
    <message>
        <source>No database password: the log is on this computer.</source>
        <translation>Пароль к базе данных не нужен: журнал на этом компьютере.</translation>
    </message>
    <message>
        <source>No system keyring can keep the password here: {what}</source>
        <translation>Ни одно системное хранилище паролей не может сохранить пароль здесь: {what}</translation>
    </message>
    <message>
        <source>Connecting to {server}…</source>
        <translation>Подключение к {server}…</translation>
    </message>
    <message>
        <source>The server took the password of {user}; it is kept in the system keyring.</source>
        <translation>Сервер принял пароль {user}; он сохранён в системном хранилище паролей.</translation>
    </message>
</context>
<context>
    <name>TeamSummary</name>
    <message>
        <source>Team</source>
        <translation>Команда</translation>
    </message>
    <message>
        <source>nobody has recorded anything for this case yet</source>
        <translation>по этому делу ещё никто ничего не записал</translation>
    </message>
    <message>
        <source>sending to {names}</source>
        <translation>отправляет: {names}</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Участник</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Отправлено</translation>
    </message>
    <message>
        <source>Replied</source>
        <translation>Ответили</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Ошибки</translation>
    </message>
    <message>
        <source>Drafts</source>
        <translation>Черновики</translation>
    </message>
    <message>
        <source>Last activity (UTC)</source>
        <translation>Последнее действие (UTC)</translation>
    </message>
    <message>
        <source>Sending now</source>
        <translation>Отправляет сейчас</translation>
    </message>
</context>
<context>
    <name>TemplateListModel</name>
    <message>
        <source>Title</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Lang.</source>
        <translation>Язык</translation>
    </message>
    <message>
        <source>error</source>
        <translation>ошибка</translation>
    </message>
    <message>
        <source>{title}
{file} · audience: {audience}</source>
        <translation>{title}
{file} · адресаты: {audience}</translation>
    </message>
</context>
<context>
    <name>TranslationActions</name>
    <message>
        <source>Save or revert your changes to the case before exporting it for translation.</source>
        <translation>Сохраните или отмените свои изменения в деле, прежде чем экспортировать его для перевода.</translation>
    </message>
    <message>
        <source>Export for translation</source>
        <translation>Экспорт для перевода</translation>
    </message>
    <message>
        <source>Translate the case&apos;s texts into (a language code such as pl, de or fr):</source>
        <translation>Перевести тексты дела на язык (код языка, напр. pl, de или fr):</translation>
    </message>
    <message>
        <source>PO files (*.po)</source>
        <translation>Файлы PO (*.po)</translation>
    </message>
    <message>
        <source>Wrote {count} case texts to translate from {source} into {language} to {file} ({translated} already translated). Send the file to the translator; bring the translation back with Import translation….</source>
        <translation>Записано текстов дела для перевода с {source} на {language}: {count}, в файл {file} (уже переведено: {translated}). Отправьте файл переводчику; перевод верните кнопкой «Импортировать перевод…».</translation>
    </message>
    <message>
        <source>Save or revert your changes to the case before importing a translation.</source>
        <translation>Сохраните или отмените изменения в деле перед импортом перевода.</translation>
    </message>
    <message>
        <source>Import translation</source>
        <translation>Импорт перевода</translation>
    </message>
    <message>
        <source>Imported {imported} {language} texts into the case; {unchanged} unchanged, {fuzzy} skipped as fuzzy, {empty} skipped as empty, {stale} stale (not imported).</source>
        <translation>Импортировано текстов на языке {language} в дело: {imported}; без изменений: {unchanged}, пропущено как неточные (fuzzy): {fuzzy}, пропущено как пустые: {empty}, устаревших (не импортировано): {stale}.</translation>
    </message>
    <message>
        <source>Translation</source>
        <translation>Перевод</translation>
    </message>
</context>
<context>
    <name>texts</name>
    <message>
        <source>{seconds} s</source>
        <translation>{seconds} с</translation>
    </message>
</context>
</TS>
