<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="uk">
<context>
    <name>BatchForm</name>
    <message>
        <source>No campaign is open: open a campaign folder with File ▸ Open campaign folder…</source>
        <translation>Кампанію не відкрито: відкрийте теку кампанії через Файл ▸ Відкрити теку кампанії…</translation>
    </message>
    <message>
        <source>This campaign has no letter templates yet: write one in the Compose tab.</source>
        <translation>У цій кампанії ще немає шаблонів листів: напишіть шаблон на вкладці «Лист».</translation>
    </message>
    <message>
        <source>Audience of this template: {audience}</source>
        <translation>Адресати цього шаблону: {audience}</translation>
    </message>
    <message>
        <source>(everyone)</source>
        <translation>(усі)</translation>
    </message>
    <message>
        <source>Counting recipients…</source>
        <translation>Рахуємо адресатів…</translation>
    </message>
    <message>
        <source>{reason}: nothing to write yet.</source>
        <translation>{reason}: поки нічого писати.</translation>
    </message>
    <message numerus="yes">
        <source>%n recipient(s) selected</source>
        <translation>
            <numerusform>Вибрано %n адресата</numerusform>
            <numerusform>Вибрано %n адресати</numerusform>
            <numerusform>Вибрано %n адресатів</numerusform>
        </translation>
    </message>
    <message>
        <source>Warning: {line}</source>
        <translation>Попередження: {line}</translation>
    </message>
    <message>
        <source>Tick PDF, DOCX or both</source>
        <translation>Позначте PDF, DOCX або обидва</translation>
    </message>
    <message>
        <source>Write one letter per selected recipient (Ctrl+Return)</source>
        <translation>Написати по листу кожному вибраному адресатові (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Choose the output folder</source>
        <translation>Виберіть теку для листів</translation>
    </message>
</context>
<context>
    <name>BatchTab</name>
    <message>
        <source>{path} is a file, not a folder — choose a folder</source>
        <translation>{path} — це файл, а не тека: виберіть теку</translation>
    </message>
    <message>
        <source>Preparing: choosing recipients and checking the first letter…</source>
        <translation>Підготовка: вибираємо адресатів і перевіряємо перший лист…</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Незбережені зміни</translation>
    </message>
    <message>
        <source>There are unsaved changes in: {tabs}.
The letters are written from the saved files, without them (save them first to have them). Generate anyway?</source>
        <translation>Є незбережені зміни в: {tabs}.
Листи пишуться зі збережених файлів, без цих змін (збережіть їх спершу, щоб вони ввійшли). Усе одно створити?</translation>
    </message>
    <message>
        <source>Cancelling: finishing the letters in progress…</source>
        <translation>Скасування: завершуємо листи, які вже пишуться…</translation>
    </message>
    <message numerus="yes">
        <source>{done} of %n letter(s)</source>
        <translation>
            <numerusform>{done} з %n листа</numerusform>
            <numerusform>{done} з %n листів</numerusform>
            <numerusform>{done} з %n листів</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to write: every letter is up to date</source>
        <translation>Нічого писати: усі листи актуальні</translation>
    </message>
    <message>
        <source> · {failed} failed</source>
        <translation> · з помилкою: {failed}</translation>
    </message>
    <message>
        <source> · cancelling: finishing the letters in progress…</source>
        <translation> · скасування: завершуємо листи, які вже пишуться…</translation>
    </message>
    <message>
        <source> · {time} left</source>
        <translation> · залишилось {time}</translation>
    </message>
    <message>
        <source> · estimating time left…</source>
        <translation> · оцінюємо, скільки часу залишилось…</translation>
    </message>
    <message>
        <source>Nothing was generated.</source>
        <translation>Нічого не створено.</translation>
    </message>
    <message>
        <source>Stopped: {written} written; run again to finish the rest.</source>
        <translation>Зупинено: написано {written}; запустіть ще раз, щоб дописати решту.</translation>
    </message>
    <message numerus="yes">
        <source>Stopped after {done} of %n letter(s)</source>
        <translation>
            <numerusform>Зупинено після {done} з %n листа</numerusform>
            <numerusform>Зупинено після {done} з %n листів</numerusform>
            <numerusform>Зупинено після {done} з %n листів</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled: {written} written; run again to finish the rest.</source>
        <translation>Скасовано: написано {written}; запустіть ще раз, щоб дописати решту.</translation>
    </message>
    <message numerus="yes">
        <source>Cancelled after {done} of %n letter(s)</source>
        <translation>
            <numerusform>Скасовано після {done} з %n листа</numerusform>
            <numerusform>Скасовано після {done} з %n листів</numerusform>
            <numerusform>Скасовано після {done} з %n листів</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>All %n letter(s) already up to date: nothing to write.</source>
        <translation>
            <numerusform>%n лист уже актуальний: нічого писати.</numerusform>
            <numerusform>Усі %n листи вже актуальні: нічого писати.</numerusform>
            <numerusform>Усі %n листів уже актуальні: нічого писати.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to write.</source>
        <translation>Нічого писати.</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Готово</translation>
    </message>
    <message numerus="yes">
        <source>Finished: %n letter(s) written, {failed} failed (see below).</source>
        <translation>
            <numerusform>Готово: написано %n лист, з помилкою {failed} (див. нижче).</numerusform>
            <numerusform>Готово: написано %n листи, з помилкою {failed} (див. нижче).</numerusform>
            <numerusform>Готово: написано %n листів, з помилкою {failed} (див. нижче).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Done: {done} of %n letter(s)</source>
        <translation>
            <numerusform>Готово: {done} з %n листа</numerusform>
            <numerusform>Готово: {done} з %n листів</numerusform>
            <numerusform>Готово: {done} з %n листів</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Finished: %n letter(s) written.</source>
        <translation>
            <numerusform>Готово: написано %n лист.</numerusform>
            <numerusform>Готово: написано %n листи.</numerusform>
            <numerusform>Готово: написано %n листів.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n файл</numerusform>
            <numerusform>%n файли</numerusform>
            <numerusform>%n файлів</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n process(es)</source>
        <translation>
            <numerusform>%n процес</numerusform>
            <numerusform>%n процеси</numerusform>
            <numerusform>%n процесів</numerusform>
        </translation>
    </message>
    <message>
        <source>Warning: {line}</source>
        <translation>Попередження: {line}</translation>
    </message>
    <message>
        <source>Warning: {file} is a letter to &apos;{id}&apos;, who is no longer in the directory: delete it if it is out of date.</source>
        <translation>Попередження: {file} — лист до &apos;{id}&apos;, якого вже немає в довіднику: видаліть його, якщо він застарів.</translation>
    </message>
    <message>
        <source>Removed {file}, the earlier letter to a recipient whose name has changed.</source>
        <translation>Видалено {file} — попередній лист адресатові, чиє ім’я змінилося.</translation>
    </message>
    <message>
        <source>Kept {file}, an earlier letter to a recipient whose name has changed ({why}): delete it if it is out of date.</source>
        <translation>Залишено {file} — попередній лист адресатові, чиє ім’я змінилося ({why}): видаліть його, якщо він застарів.</translation>
    </message>
    <message>
        <source>Closing: finishing the letters in progress, then the window closes…</source>
        <translation>Закриття: завершуємо листи, які вже пишуться, потім вікно закриється…</translation>
    </message>
</context>
<context>
    <name>BatchWidgets</name>
    <message>
        <source>Letters to generate</source>
        <translation>Листи для створення</translation>
    </message>
    <message>
        <source>&amp;Template:</source>
        <translation>&amp;Шаблон:</translation>
    </message>
    <message>
        <source>optional, e.g.  country:DE  tag:droi  -tag:contacted</source>
        <translation>необов’язково, напр.  country:DE  tag:droi  -tag:contacted</translation>
    </message>
    <message>
        <source>Narrows the template&apos;s audience: field:value terms (category, country, tag, language…) and words matched against name, position and organisation. All terms must match; -term excludes.</source>
        <translation>Звужує коло адресатів шаблону: умови поле:значення (category, country, tag, language…) і слова, які шукаються в імені, посаді та організації. Мають збігтися всі умови; -умова виключає.</translation>
    </message>
    <message>
        <source>Narrow by &amp;query:</source>
        <translation>Звузити запито&amp;м:</translation>
    </message>
    <message>
        <source>&amp;PDF</source>
        <translation>&amp;PDF</translation>
    </message>
    <message>
        <source>&amp;DOCX (editable)</source>
        <translation>&amp;DOCX (можна редагувати)</translation>
    </message>
    <message>
        <source>Formats:</source>
        <translation>Формати:</translation>
    </message>
    <message>
        <source>P&amp;aper:</source>
        <translation>Пап&amp;ір:</translation>
    </message>
    <message>
        <source>Where the letters and manifest.json go; a relative path is inside the campaign</source>
        <translation>Куди записати листи та manifest.json; відносний шлях — усередині теки кампанії</translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>&amp;Огляд…</translation>
    </message>
    <message>
        <source>Output fo&amp;lder:</source>
        <translation>&amp;Тека для листів:</translation>
    </message>
    <message>
        <source>&amp;Generate letters</source>
        <translation>Ство&amp;рити листи</translation>
    </message>
    <message>
        <source>Write one letter per selected recipient (Ctrl+Return)</source>
        <translation>Написати по листу кожному вибраному адресатові (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Print pac&amp;k…</source>
        <translation>Пак&amp;ет для друку…</translation>
    </message>
    <message>
        <source>One PDF to print and post: the letters to recipients with a postal address, then envelopes or labels</source>
        <translation>Один PDF для друку й відправлення поштою: листи адресатам із поштовою адресою, потім конверти або наліпки</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Перебіг</translation>
    </message>
    <message>
        <source>Ca&amp;ncel</source>
        <translation>С&amp;касувати</translation>
    </message>
    <message>
        <source>Stop after the letters in progress (Esc)</source>
        <translation>Зупинитися після листів, які вже пишуться (Esc)</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Підсумок</translation>
    </message>
    <message>
        <source>Letters written:</source>
        <translation>Написано листів:</translation>
    </message>
    <message>
        <source>Already up to date (skipped):</source>
        <translation>Уже актуальні (пропущено):</translation>
    </message>
    <message>
        <source>Failed:</source>
        <translation>З помилкою:</translation>
    </message>
    <message>
        <source>Time taken:</source>
        <translation>Тривалість:</translation>
    </message>
    <message>
        <source>Open fold&amp;er</source>
        <translation>Відкрити &amp;теку</translation>
    </message>
    <message>
        <source>Show the letters in the file manager</source>
        <translation>Показати листи у файловому менеджері</translation>
    </message>
</context>
<context>
    <name>CaseCitations</name>
    <message>
        <source>now “{new}”</source>
        <translation>тепер «{new}»</translation>
    </message>
</context>
<context>
    <name>CaseNavigation</name>
    <message>
        <source>{shown} of {total} shown</source>
        <translation>показано {shown} з {total}</translation>
    </message>
</context>
<context>
    <name>CaseQuestions</name>
    <message>
        <source>Deleting it changes nothing else: correct these citations yourself. The case will not save while a fact, event, supporter or argument point still cites it, and the templates listed fail until their cite() or fact() is changed.</source>
        <translation>Видалення більше нічого не змінює: виправте ці посилання самі. Справа не збережеться, доки на джерело посилається факт, подія, прихильник чи пункт аргументу, а названі шаблони не працюватимуть, доки в них не змінять cite() або fact().</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more (Show Details…)</source>
        <translation>
            <numerusform>… і ще %n (Показати подробиці…)</numerusform>
            <numerusform>… і ще %n (Показати подробиці…)</numerusform>
            <numerusform>… і ще %n (Показати подробиці…)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{item} is still cited in %n place(s):</source>
        <translation>
            <numerusform>На {item} досі посилаються в %n місці:</numerusform>
            <numerusform>На {item} досі посилаються в %n місцях:</numerusform>
            <numerusform>На {item} досі посилаються в %n місцях:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{item} is still used in %n place(s):</source>
        <translation>
            <numerusform>{item} досі використовується в %n місці:</numerusform>
            <numerusform>{item} досі використовується в %n місцях:</numerusform>
            <numerusform>{item} досі використовується в %n місцях:</numerusform>
        </translation>
    </message>
    <message>
        <source>The templates listed fail until they no longer use it.</source>
        <translation>Названі шаблони не працюватимуть, доки його використовують.</translation>
    </message>
    <message>
        <source>Templates use the old id</source>
        <translation>Шаблони використовують старий ідентифікатор</translation>
    </message>
    <message>
        <source>The templates still use an id changed here:</source>
        <translation>Шаблони досі використовують ідентифікатор, змінений тут:</translation>
    </message>
    <message>
        <source>Letters from these templates cannot be written until they use the new id: change them on the Compose tab, or cancel and put the old id back.</source>
        <translation>Листи за цими шаблонами не можна створити, доки вони не використовуватимуть новий ідентифікатор: змініть їх на вкладці «Лист» або скасуйте й поверніть старий ідентифікатор.</translation>
    </message>
    <message>
        <source>Save anyway</source>
        <translation>Усе одно зберегти</translation>
    </message>
    <message>
        <source>The case file was changed</source>
        <translation>Файл справи змінено</translation>
    </message>
    <message>
        <source>The case file was changed by another program since it was opened here.</source>
        <translation>Файл справи змінила інша програма, відколи його відкрили тут.</translation>
    </message>
    <message>
        <source>Overwrite it with your version, or cancel and use Revert to load the other version (your changes here are then lost).</source>
        <translation>Перезапишіть його своєю версією або скасуйте й натисніть «Повернути», щоб завантажити іншу версію (тоді ваші зміни тут буде втрачено).</translation>
    </message>
    <message>
        <source>Overwrite</source>
        <translation>Перезаписати</translation>
    </message>
    <message>
        <source>Revert the case</source>
        <translation>Повернути справу</translation>
    </message>
    <message>
        <source>Discard every change made to the case since it was last saved?</source>
        <translation>Відкинути всі зміни в справі після останнього збереження?</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>Відкинути зміни</translation>
    </message>
</context>
<context>
    <name>CaseTab</name>
    <message>
        <source>Loading…</source>
        <translation>Завантаження…</translation>
    </message>
    <message numerus="yes">
        <source>The case file has %n problem(s) (listed below). You can correct them here; the file is saved only once the case is valid.</source>
        <translation>
            <numerusform>У файлі справи є %n проблема (див. нижче). Її можна виправити тут; файл збережеться лише тоді, коли справа буде правильною.</numerusform>
            <numerusform>У файлі справи є %n проблеми (див. нижче). Їх можна виправити тут; файл збережеться лише тоді, коли справа буде правильною.</numerusform>
            <numerusform>У файлі справи є %n проблем (див. нижче). Їх можна виправити тут; файл збережеться лише тоді, коли справа буде правильною.</numerusform>
        </translation>
    </message>
    <message>
        <source>The case file cannot be opened:</source>
        <translation>Файл справи не вдається відкрити:</translation>
    </message>
    <message>
        <source>No case open</source>
        <translation>Справу не відкрито</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Справа</translation>
    </message>
    <message>
        <source>none</source>
        <translation>немає</translation>
    </message>
    <message>
        <source>Case id: {id} · letter languages: {languages} · the case id and languages are changed in the file itself</source>
        <translation>Ідентифікатор справи: {id} · мови листів: {languages} · ідентифікатор і мови змінюють у самому файлі</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(немає)</translation>
    </message>
    <message>
        <source>{item}, which cites it</source>
        <translation>{item}, що посилається на нього</translation>
    </message>
    <message>
        <source>Source “{id}” deleted. Correct the places that cited it before saving.</source>
        <translation>Джерело «{id}» видалено. Перед збереженням виправте місця, що на нього посилалися.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Збереження…</translation>
    </message>
    <message numerus="yes">
        <source>Not saved: the case has %n problem(s) (listed below and at their fields). Nothing was written.</source>
        <translation>
            <numerusform>Не збережено: у справі %n проблема (див. нижче та біля полів). Нічого не записано.</numerusform>
            <numerusform>Не збережено: у справі %n проблеми (див. нижче та біля полів). Нічого не записано.</numerusform>
            <numerusform>Не збережено: у справі %n проблем (див. нижче та біля полів). Нічого не записано.</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved at {time}</source>
        <translation>Збережено о {time}</translation>
    </message>
    <message>
        <source>Not saved:</source>
        <translation>Не збережено:</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Незбережені зміни</translation>
    </message>
    <message>
        <source>Changed elsewhere: Revert to load it</source>
        <translation>Змінено деінде: натисніть «Повернути», щоб завантажити</translation>
    </message>
    <message>
        <source>No changes</source>
        <translation>Змін немає</translation>
    </message>
</context>
<context>
    <name>CaseWidgets</name>
    <message>
        <source>Overview</source>
        <translation>Огляд</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Хронологія</translation>
    </message>
    <message>
        <source>Facts</source>
        <translation>Факти</translation>
    </message>
    <message>
        <source>Arguments</source>
        <translation>Аргументи</translation>
    </message>
    <message>
        <source>Demands</source>
        <translation>Вимоги</translation>
    </message>
    <message>
        <source>Supporters</source>
        <translation>Прихильники</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Джерела</translation>
    </message>
    <message>
        <source>No campaign open</source>
        <translation>Кампанію не відкрито</translation>
    </message>
    <message>
        <source>R&amp;evert</source>
        <translation>Пов&amp;ернути</translation>
    </message>
    <message>
        <source>Discard the changes made since the case was last saved</source>
        <translation>Відкинути зміни після останнього збереження справи</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Зберегти</translation>
    </message>
    <message>
        <source>Save the case</source>
        <translation>Зберегти справу</translation>
    </message>
    <message>
        <source>Check the case and write it to its file ({shortcut})</source>
        <translation>Перевірити справу й записати її у файл ({shortcut})</translation>
    </message>
    <message>
        <source>Export for translation…</source>
        <translation>Експортувати для перекладу…</translation>
    </message>
    <message>
        <source>Write the case&apos;s texts to a PO file for a translator (letters in another language)</source>
        <translation>Записати тексти справи у файл PO для перекладача (листи іншою мовою)</translation>
    </message>
    <message>
        <source>Import translation…</source>
        <translation>Імпортувати переклад…</translation>
    </message>
    <message>
        <source>Bring a translated PO file&apos;s texts into the case</source>
        <translation>Перенести тексти з перекладеного файлу PO до справи</translation>
    </message>
    <message>
        <source>Parts of the case</source>
        <translation>Частини справи</translation>
    </message>
    <message>
        <source>Sectio&amp;ns</source>
        <translation>Розділ&amp;и</translation>
    </message>
    <message>
        <source>Words in any column</source>
        <translation>Слова в будь-якому стовпці</translation>
    </message>
    <message>
        <source>&amp;Quick filter</source>
        <translation>Швидкий &amp;фільтр</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>Додат&amp;и</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Видалити…</translation>
    </message>
    <message>
        <source>Delete the selected item (Del in the table)</source>
        <translation>Видалити вибраний запис (Del у таблиці)</translation>
    </message>
    <message>
        <source>&amp;Undo delete</source>
        <translation>&amp;Повернути видалене</translation>
    </message>
    <message>
        <source>Put the item just deleted back (Ctrl+Z in the table)</source>
        <translation>Повернути щойно видалений елемент (Ctrl+Z у таблиці)</translation>
    </message>
    <message>
        <source>The case</source>
        <translation>Справа</translation>
    </message>
</context>
<context>
    <name>CaseWords</name>
    <message>
        <source>Event</source>
        <translation>Подія</translation>
    </message>
    <message>
        <source>&amp;Add event</source>
        <translation>&amp;Додати подію</translation>
    </message>
    <message>
        <source>No event selected</source>
        <translation>Подію не вибрано</translation>
    </message>
    <message>
        <source>Delete event “{id}”?</source>
        <translation>Видалити подію «{id}»?</translation>
    </message>
    <message>
        <source>Delete event</source>
        <translation>Видалити подію</translation>
    </message>
    <message>
        <source>the event “{id}”</source>
        <translation>подія «{id}»</translation>
    </message>
    <message>
        <source>Fact</source>
        <translation>Факт</translation>
    </message>
    <message>
        <source>&amp;Add fact</source>
        <translation>&amp;Додати факт</translation>
    </message>
    <message>
        <source>No fact selected</source>
        <translation>Факт не вибрано</translation>
    </message>
    <message>
        <source>Delete fact “{id}”?</source>
        <translation>Видалити факт «{id}»?</translation>
    </message>
    <message>
        <source>Delete fact</source>
        <translation>Видалити факт</translation>
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
        <translation>&amp;Додати аргумент</translation>
    </message>
    <message>
        <source>No argument selected</source>
        <translation>Аргумент не вибрано</translation>
    </message>
    <message>
        <source>Delete argument “{id}”?</source>
        <translation>Видалити аргумент «{id}»?</translation>
    </message>
    <message>
        <source>Delete argument</source>
        <translation>Видалити аргумент</translation>
    </message>
    <message>
        <source>the argument “{id}”</source>
        <translation>аргумент «{id}»</translation>
    </message>
    <message>
        <source>Demand</source>
        <translation>Вимога</translation>
    </message>
    <message>
        <source>&amp;Add demand</source>
        <translation>&amp;Додати вимогу</translation>
    </message>
    <message>
        <source>No demand selected</source>
        <translation>Вимогу не вибрано</translation>
    </message>
    <message>
        <source>Delete demand “{id}”?</source>
        <translation>Видалити вимогу «{id}»?</translation>
    </message>
    <message>
        <source>Delete demand</source>
        <translation>Видалити вимогу</translation>
    </message>
    <message>
        <source>the demand “{id}”</source>
        <translation>вимога «{id}»</translation>
    </message>
    <message>
        <source>Supporter</source>
        <translation>Прихильник</translation>
    </message>
    <message>
        <source>&amp;Add supporter</source>
        <translation>&amp;Додати прихильника</translation>
    </message>
    <message>
        <source>No supporter selected</source>
        <translation>Прихильника не вибрано</translation>
    </message>
    <message>
        <source>Delete supporter “{id}”?</source>
        <translation>Видалити прихильника «{id}»?</translation>
    </message>
    <message>
        <source>Delete supporter</source>
        <translation>Видалити прихильника</translation>
    </message>
    <message>
        <source>the supporter “{id}”</source>
        <translation>прихильник «{id}»</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Джерело</translation>
    </message>
    <message>
        <source>&amp;Add source</source>
        <translation>&amp;Додати джерело</translation>
    </message>
    <message>
        <source>No source selected</source>
        <translation>Джерело не вибрано</translation>
    </message>
    <message>
        <source>Delete source “{id}”?</source>
        <translation>Видалити джерело «{id}»?</translation>
    </message>
    <message>
        <source>Delete source</source>
        <translation>Видалити джерело</translation>
    </message>
    <message>
        <source>the source “{id}”</source>
        <translation>джерело «{id}»</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n подія</numerusform>
            <numerusform>%n події</numerusform>
            <numerusform>%n подій</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n fact(s)</source>
        <translation>
            <numerusform>%n факт</numerusform>
            <numerusform>%n факти</numerusform>
            <numerusform>%n фактів</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n argument(s)</source>
        <translation>
            <numerusform>%n аргумент</numerusform>
            <numerusform>%n аргументи</numerusform>
            <numerusform>%n аргументів</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n demand(s)</source>
        <translation>
            <numerusform>%n вимога</numerusform>
            <numerusform>%n вимоги</numerusform>
            <numerusform>%n вимог</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n supporter(s)</source>
        <translation>
            <numerusform>%n прихильник</numerusform>
            <numerusform>%n прихильники</numerusform>
            <numerusform>%n прихильників</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n source(s)</source>
        <translation>
            <numerusform>%n джерело</numerusform>
            <numerusform>%n джерела</numerusform>
            <numerusform>%n джерел</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n запис</numerusform>
            <numerusform>%n записи</numerusform>
            <numerusform>%n записів</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ComposeLetters</name>
    <message>
        <source>recipient &apos;{id}&apos; is no longer in the directory</source>
        <translation>адресата «{id}» більше немає в довіднику</translation>
    </message>
    <message>
        <source>choose another one</source>
        <translation>виберіть іншого</translation>
    </message>
    <message>
        <source>The audience is not a valid query ({problem}). </source>
        <translation>Коло адресатів задано неправильним запитом ({problem}). </translation>
    </message>
    <message numerus="yes">
        <source>{matched} of %n recipient(s) match the audience “{audience}”.</source>
        <translation>
            <numerusform>{matched} з %n адресата відповідають умові «{audience}».</numerusform>
            <numerusform>{matched} з %n адресатів відповідають умові «{audience}».</numerusform>
            <numerusform>{matched} з %n адресатів відповідають умові «{audience}».</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Showing the %n recipient(s) of “{query}” it will go to when they are.</source>
        <translation>
            <numerusform>Показано %n адресата за «{query}», якому лист піде, коли настане час.</numerusform>
            <numerusform>Показано %n адресатів за «{query}», яким лист піде, коли настане час.</numerusform>
            <numerusform>Показано %n адресатів за «{query}», яким лист піде, коли настане час.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Showing all %n recipient(s).</source>
        <translation>
            <numerusform>Показано %n адресата.</numerusform>
            <numerusform>Показано всіх %n адресатів.</numerusform>
            <numerusform>Показано всіх %n адресатів.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nobody is due yet: no recipient matches {terms} in the contact log. </source>
        <translation>Поки нікому: у журналі контактів жоден адресат не відповідає умові {terms}. </translation>
    </message>
    <message>
        <source>No recipient matches the audience “{audience}”. </source>
        <translation>Жоден адресат не відповідає умові «{audience}». </translation>
    </message>
    <message>
        <source>The directory has no recipients yet: add some on the Recipients tab.</source>
        <translation>У довіднику ще немає адресатів: додайте їх на вкладці «Адресати».</translation>
    </message>
</context>
<context>
    <name>ComposeRendering</name>
    <message>
        <source>No recipient to write to.</source>
        <translation>Немає адресата, якому писати.</translation>
    </message>
    <message>
        <source>The letter cannot be rendered: see the message under the editor.</source>
        <translation>Лист не вдається скласти: див. повідомлення під редактором.</translation>
    </message>
    <message>
        <source>The preview shows the last version without mistakes.</source>
        <translation>Попередній перегляд показує останню версію без помилок.</translation>
    </message>
</context>
<context>
    <name>ComposeTab</name>
    <message>
        <source>Save template</source>
        <translation>Зберегти шаблон</translation>
    </message>
    <message>
        <source>Export this letter…</source>
        <translation>Експортувати цей лист…</translation>
    </message>
    <message>
        <source>Go to the error</source>
        <translation>Перейти до помилки</translation>
    </message>
    <message>
        <source>Loading the templates…</source>
        <translation>Завантаження шаблонів…</translation>
    </message>
    <message>
        <source>No templates yet: add a .md file to letter_templates/.</source>
        <translation>Шаблонів ще немає: додайте файл .md до letter_templates/.</translation>
    </message>
    <message numerus="yes">
        <source>%n template(s) in letter_templates/</source>
        <translation>
            <numerusform>%n шаблон у letter_templates/</numerusform>
            <numerusform>%n шаблони у letter_templates/</numerusform>
            <numerusform>%n шаблонів у letter_templates/</numerusform>
        </translation>
    </message>
    <message>
        <source>; {broken} with a problem (hover for details).</source>
        <translation>; з проблемою: {broken} (наведіть курсор, щоб побачити).</translation>
    </message>
    <message>
        <source>No template to preview.</source>
        <translation>Немає шаблону для перегляду.</translation>
    </message>
    <message>
        <source>This template cannot be shown.</source>
        <translation>Цей шаблон не вдається показати.</translation>
    </message>
    <message>
        <source>Saving {file}…</source>
        <translation>Збереження {file}…</translation>
    </message>
    <message>
        <source>Saved letter_templates/{file}.</source>
        <translation>Збережено letter_templates/{file}.</translation>
    </message>
    <message>
        <source>Not saved: {problems}</source>
        <translation>Не збережено: {problems}</translation>
    </message>
    <message>
        <source>Choose a template and a recipient first.</source>
        <translation>Спершу виберіть шаблон і адресата.</translation>
    </message>
    <message>
        <source>Writing {file}…</source>
        <translation>Записуємо {file}…</translation>
    </message>
    <message>
        <source>Exported to {path}</source>
        <translation>Експортовано в {path}</translation>
    </message>
    <message>
        <source>Not exported: {problems}</source>
        <translation>Не експортовано: {problems}</translation>
    </message>
</context>
<context>
    <name>ComposeWidgets</name>
    <message>
        <source>&amp;Templates</source>
        <translation>&amp;Шаблони</translation>
    </message>
    <message>
        <source>Templates are the .md files in letter_templates/.</source>
        <translation>Шаблони — це файли .md у letter_templates/.</translation>
    </message>
    <message>
        <source>Choose a template on the left.</source>
        <translation>Виберіть шаблон ліворуч.</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Незбережені зміни</translation>
    </message>
    <message>
        <source>S&amp;ave</source>
        <translation>З&amp;берегти</translation>
    </message>
    <message>
        <source>Save the template file ({keys})</source>
        <translation>Зберегти файл шаблону ({keys})</translation>
    </message>
    <message>
        <source>Template t&amp;ext</source>
        <translation>&amp;Текст шаблону</translation>
    </message>
    <message>
        <source>E&amp;xport this letter…</source>
        <translation>&amp;Експорт листа…</translation>
    </message>
    <message>
        <source>Write this letter as PDF or DOCX and open it (Ctrl+E)</source>
        <translation>Записати цей лист у PDF або DOCX і відкрити (Ctrl+E)</translation>
    </message>
    <message>
        <source>The Case tab has unsaved changes: letters here use the case as last saved. Save the case to use them.</source>
        <translation>На вкладці «Справа» є незбережені зміни: листи тут використовують справу в останній збереженій версії. Збережіть справу, щоб їх використати.</translation>
    </message>
    <message>
        <source>Letter for rec&amp;ipient</source>
        <translation>Л&amp;ист для адресата</translation>
    </message>
</context>
<context>
    <name>CrashHandler</name>
    <message>
        <source>Something went wrong: {error}

Your work on disk is safe. The details were written to
{log}
Please send that file with a short note of what you were doing.</source>
        <translation>Щось пішло не так: {error}

Ваша робота на диску в безпеці. Подробиці записано у файл
{log}
Будь ласка, надішліть цей файл із коротким описом того, що ви робили.</translation>
    </message>
    <message>
        <source>campaign_app — unexpected error</source>
        <translation>campaign_app — неочікувана помилка</translation>
    </message>
</context>
<context>
    <name>ErrorBar</name>
    <message>
        <source>&amp;Go to line</source>
        <translation>&amp;Перейти до рядка</translation>
    </message>
    <message>
        <source>Put the cursor on the line with the mistake (F8)</source>
        <translation>Поставити курсор на рядок із помилкою (F8)</translation>
    </message>
    <message>
        <source>Click to go to the line</source>
        <translation>Клацніть, щоб перейти до рядка</translation>
    </message>
    <message>
        <source>&amp;Go to line {line}</source>
        <translation>&amp;Перейти до рядка {line}</translation>
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
        <translation>Експортувати цей лист</translation>
    </message>
</context>
<context>
    <name>FieldDelegate</name>
    <message>
        <source>The directory field this column fills; (ignore) leaves the column out</source>
        <translation>Поле довідника, яке заповнює цей стовпець; «(пропустити)» не імпортує стовпець</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Recipient lists (*.csv *.tsv *.txt *.xlsx *.xml *.yaml *.yml);;CSV (*.csv *.tsv *.txt);;Excel workbook (*.xlsx);;European Parliament XML (*.xml);;Directory YAML (*.yaml *.yml);;All files (*)</source>
        <translation>Списки адресатів (*.csv *.tsv *.txt *.xlsx *.xml *.yaml *.yml);;CSV (*.csv *.tsv *.txt);;Книга Excel (*.xlsx);;XML Європейського парламенту (*.xml);;YAML довідника (*.yaml *.yml);;Усі файли (*)</translation>
    </message>
    <message>
        <source>Import recipients from</source>
        <translation>Імпортувати адресатів із</translation>
    </message>
    <message>
        <source>reading…</source>
        <translation>читання…</translation>
    </message>
    <message>
        <source>Reading {file}…</source>
        <translation>Читання {file}…</translation>
    </message>
    <message>
        <source>not imported</source>
        <translation>не імпортовано</translation>
    </message>
    <message>
        <source>This file cannot be imported as it is.</source>
        <translation>Цей файл не можна імпортувати в такому вигляді.</translation>
    </message>
    <message>
        <source>  (named after the file)</source>
        <translation>  (за назвою файлу)</translation>
    </message>
    <message>
        <source>Checking every row…</source>
        <translation>Перевіряємо кожен рядок…</translation>
    </message>
    <message>
        <source>choose the &lt;b&gt;Category&lt;/b&gt; of these rows in Options (the command line&apos;s --category).</source>
        <translation>виберіть &lt;b&gt;Категорію&lt;/b&gt; цих рядків у «Параметрах» (у командному рядку --category).</translation>
    </message>
    <message>
        <source>correct the file name in Options (the command line&apos;s --into).</source>
        <translation>виправте назву файлу в «Параметрах» (у командному рядку --into).</translation>
    </message>
    <message>
        <source>correct what is said below.</source>
        <translation>виправте те, що вказано нижче.</translation>
    </message>
    <message>
        <source>The import cannot go ahead: {advice}</source>
        <translation>Імпорт неможливий: {advice}</translation>
    </message>
    <message>
        <source>Writing…</source>
        <translation>Запис…</translation>
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
        <translation>Нічого не записано.</translation>
    </message>
    <message>
        <source>Save the rows not imported</source>
        <translation>Зберегти неімпортовані рядки</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Save them outside the recipients folder: the directory would read them.</source>
        <translation>Збережіть їх поза текою recipients: інакше довідник їх прочитає.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) not imported saved to {path}.</source>
        <translation>
            <numerusform>%Ln неімпортований рядок збережено в {path}.</numerusform>
            <numerusform>%Ln неімпортовані рядки збережено в {path}.</numerusform>
            <numerusform>%Ln неімпортованих рядків збережено в {path}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not saved: {problem}</source>
        <translation>Не збережено: {problem}</translation>
    </message>
</context>
<context>
    <name>ImportDialogView</name>
    <message>
        <source>Choose the file to import: press &lt;b&gt;Browse…&lt;/b&gt; or type its path and Enter.</source>
        <translation>Виберіть файл для імпорту: натисніть &lt;b&gt;Огляд…&lt;/b&gt; або введіть шлях і натисніть Enter.</translation>
    </message>
    <message>
        <source>, sheet &apos;{sheet}&apos;</source>
        <translation>, аркуш «{sheet}»</translation>
    </message>
    <message>
        <source>Detected from the file&apos;s bytes. If accents look wrong in the rows below, save the file as UTF-8 CSV in your spreadsheet program and import that.</source>
        <translation>Визначено за вмістом файлу. Якщо літери в рядках нижче відображаються неправильно, збережіть файл як CSV UTF-8 у табличному редакторі й імпортуйте його.</translation>
    </message>
    <message>
        <source>counting…</source>
        <translation>підрахунок…</translation>
    </message>
    <message>
        <source>Nothing to write: the directory already holds all of it</source>
        <translation>Нічого записувати: усе це вже є в довіднику</translation>
    </message>
    <message>
        <source>Write the new and updated entries to the directory</source>
        <translation>Записати нові й оновлені записи в довідник</translation>
    </message>
    <message>
        <source> · &lt;b&gt;{count}&lt;/b&gt; repeated an earlier row (merged)</source>
        <translation> · &lt;b&gt;{count}&lt;/b&gt; повторюють попередній рядок (об’єднано)</translation>
    </message>
    <message>
        <source>Nothing to write: the directory already holds all of it.</source>
        <translation>Нічого записувати: усе це вже є в довіднику.</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;{added}&lt;/b&gt; to add · &lt;b&gt;{updated}&lt;/b&gt; to update · &lt;b&gt;{unchanged}&lt;/b&gt; unchanged · &lt;b&gt;{skipped}&lt;/b&gt; not imported{repeated} — of %Ln row(s). New entries go to &lt;b&gt;{target}&lt;/b&gt;.</source>
        <translation>
            <numerusform>додати: &lt;b&gt;{added}&lt;/b&gt; · оновити: &lt;b&gt;{updated}&lt;/b&gt; · без змін: &lt;b&gt;{unchanged}&lt;/b&gt; · не імпортовано: &lt;b&gt;{skipped}&lt;/b&gt;{repeated} — із %Ln рядка. Нові записи потраплять у &lt;b&gt;{target}&lt;/b&gt;.</numerusform>
            <numerusform>додати: &lt;b&gt;{added}&lt;/b&gt; · оновити: &lt;b&gt;{updated}&lt;/b&gt; · без змін: &lt;b&gt;{unchanged}&lt;/b&gt; · не імпортовано: &lt;b&gt;{skipped}&lt;/b&gt;{repeated} — із %Ln рядків. Нові записи потраплять у &lt;b&gt;{target}&lt;/b&gt;.</numerusform>
            <numerusform>додати: &lt;b&gt;{added}&lt;/b&gt; · оновити: &lt;b&gt;{updated}&lt;/b&gt; · без змін: &lt;b&gt;{unchanged}&lt;/b&gt; · не імпортовано: &lt;b&gt;{skipped}&lt;/b&gt;{repeated} — із %Ln рядків. Нові записи потраплять у &lt;b&gt;{target}&lt;/b&gt;.</numerusform>
        </translation>
    </message>
    <message>
        <source>filled in</source>
        <translation>заповнено</translation>
    </message>
    <message>
        <source>tags added</source>
        <translation>додано теги</translation>
    </message>
    <message>
        <source>changed to the file&apos;s value</source>
        <translation>замінено значенням із файлу</translation>
    </message>
    <message>
        <source>kept (tick Update to take the file&apos;s)</source>
        <translation>залишено (позначте «Оновлювати», щоб узяти з файлу)</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Not imported (%Ln row(s))</source>
        <translation>
            <numerusform>&amp;Не імпортовано (%Ln рядок)</numerusform>
            <numerusform>&amp;Не імпортовано (%Ln рядки)</numerusform>
            <numerusform>&amp;Не імпортовано (%Ln рядків)</numerusform>
        </translation>
    </message>
    <message>
        <source>Changes to &amp;existing entries ({count})</source>
        <translation>Зміни &amp;в наявних записах ({count})</translation>
    </message>
    <message>
        <source>N&amp;otes ({count})</source>
        <translation>&amp;Примітки ({count})</translation>
    </message>
</context>
<context>
    <name>ImportDialogWidgets</name>
    <message>
        <source>Import recipients</source>
        <translation>Імпорт адресатів</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Файл:</translation>
    </message>
    <message>
        <source>a .csv, .xlsx, .xml (the European Parliament&apos;s list) or .yaml file</source>
        <translation>файл .csv, .xlsx, .xml (список Європейського парламенту) або .yaml</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Огляд…</translation>
    </message>
    <message>
        <source>Choose the file to import (Ctrl+O)</source>
        <translation>Вибрати файл для імпорту (Ctrl+O)</translation>
    </message>
    <message>
        <source>S&amp;heet:</source>
        <translation>&amp;Аркуш:</translation>
    </message>
    <message>
        <source>Encoding:</source>
        <translation>Кодування:</translation>
    </message>
    <message>
        <source>Delimiter:</source>
        <translation>Роздільник:</translation>
    </message>
    <message>
        <source>Rows:</source>
        <translation>Рядків:</translation>
    </message>
    <message>
        <source>Read as:</source>
        <translation>Прочитано як:</translation>
    </message>
    <message>
        <source>&amp;Columns: which directory field each one fills</source>
        <translation>&amp;Стовпці: яке поле довідника заповнює кожен</translation>
    </message>
    <message>
        <source>First &amp;rows of the file, as read (up to {count})</source>
        <translation>Перші &amp;рядки файлу, як їх прочитано (до {count})</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Параметри</translation>
    </message>
    <message>
        <source>Cate&amp;gory of rows that give none:</source>
        <translation>&amp;Категорія рядків без неї:</translation>
    </message>
    <message>
        <source>— (from the file)</source>
        <translation>— (з файлу)</translation>
    </message>
    <message>
        <source>Like --category: what these recipients are, for rows whose file has no category (the European Parliament&apos;s lists are mep without it)</source>
        <translation>Як --category: хто ці адресати, для рядків, де у файлі немає категорії (у списках Європейського парламенту її немає — це mep)</translation>
    </message>
    <message>
        <source>New entries go &amp;to:  recipients/</source>
        <translation>Нові записи &amp;до:  recipients/</translation>
    </message>
    <message>
        <source>Like --into: the file in the recipients folder that receives the new entries (a .csv or .yaml name; empty: named after the imported file)</source>
        <translation>Як --into: файл у теці recipients, куди потраплять нові записи (назва .csv або .yaml; порожньо — за назвою імпортованого файлу)</translation>
    </message>
    <message>
        <source>&amp;Update fields that differ (take the file&apos;s value)</source>
        <translation>Оновлювати поля, &amp;що відрізняються (брати значення з файлу)</translation>
    </message>
    <message>
        <source>Like --update: where an entry the directory has holds a different value, take the file&apos;s. Off: keep the directory&apos;s value and list it below.</source>
        <translation>Як --update: якщо наявний запис довідника має інше значення, брати значення з файлу. Вимкнено: залишати значення довідника й показувати його нижче.</translation>
    </message>
    <message>
        <source>&amp;Keep new entries with no contact channel</source>
        <translation>&amp;Залишати нові записи без каналу зв’язку</translation>
    </message>
    <message>
        <source>Like --keep-no-contact: also add new entries that have no e-mail, postal address or web form</source>
        <translation>Як --keep-no-contact: додавати й нові записи без електронної пошти, поштової адреси чи вебформи</translation>
    </message>
    <message>
        <source>What the import will do (nothing is written before you press Import)</source>
        <translation>Що зробить імпорт (нічого не записується, доки ви не натиснете «Імпортувати»)</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Рядок</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Поле</translation>
    </message>
    <message>
        <source>Why it is not imported</source>
        <translation>Чому не імпортовано</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Запис</translation>
    </message>
    <message>
        <source>Directory has</source>
        <translation>У довіднику</translation>
    </message>
    <message>
        <source>File has</source>
        <translation>У файлі</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Результат</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Примітка</translation>
    </message>
    <message>
        <source>&amp;Not imported</source>
        <translation>&amp;Не імпортовано</translation>
    </message>
    <message>
        <source>Changes to &amp;existing entries</source>
        <translation>Зміни в &amp;наявних записах</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>&amp;Примітки</translation>
    </message>
    <message>
        <source>Save &amp;skipped rows…</source>
        <translation>З&amp;берегти пропущені рядки…</translation>
    </message>
    <message>
        <source>Like --rejects: write the rows not imported, with their row number and reason, to a CSV file to correct them and import again</source>
        <translation>Як --rejects: записати неімпортовані рядки з номером рядка й причиною у файл CSV, щоб виправити їх та імпортувати знову</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Імпортувати</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Скасувати</translation>
    </message>
    <message>
        <source>Close without writing anything (Esc)</source>
        <translation>Закрити, нічого не записуючи (Esc)</translation>
    </message>
</context>
<context>
    <name>InboxCheck</name>
    <message numerus="yes">
        <source>%n reply(-ies)</source>
        <translation>
            <numerusform>%n відповідь</numerusform>
            <numerusform>%n відповіді</numerusform>
            <numerusform>%n відповідей</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n automatic reply(-ies)</source>
        <translation>
            <numerusform>%n автовідповідь</numerusform>
            <numerusform>%n автовідповіді</numerusform>
            <numerusform>%n автовідповідей</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n bounce(s)</source>
        <translation>
            <numerusform>%n повернення</numerusform>
            <numerusform>%n повернення</numerusform>
            <numerusform>%n повернень</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new message(s)</source>
        <translation>
            <numerusform>%n нове повідомлення</numerusform>
            <numerusform>%n нові повідомлення</numerusform>
            <numerusform>%n нових повідомлень</numerusform>
        </translation>
    </message>
    <message>
        <source>Inbox checked: {read}; recorded {what}.</source>
        <translation>Пошту перевірено: {read}; записано: {what}.</translation>
    </message>
    <message>
        <source>Inbox checked: {read}; nothing to record.</source>
        <translation>Пошту перевірено: {read}; записувати нічого.</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) speak of a letter but come from an address no letter went to; nothing was recorded. If one answers a letter, select its recipient and press Mark replied:</source>
        <translation>
            <numerusform>%n повідомлення стосується листа, але надійшло з адреси, на яку жоден лист не надсилали; нічого не записано. Якщо це відповідь, виберіть адресата й натисніть «Позначити: відповіли»:</numerusform>
            <numerusform>%n повідомлення стосуються листів, але надійшли з адрес, на які жоден лист не надсилали; нічого не записано. Якщо котресь є відповіддю, виберіть адресата й натисніть «Позначити: відповіли»:</numerusform>
            <numerusform>%n повідомлень стосуються листів, але надійшли з адрес, на які жоден лист не надсилали; нічого не записано. Якщо котресь є відповіддю, виберіть адресата й натисніть «Позначити: відповіли»:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) answer a letter by the subject alone, from an address several recipients share; nothing was recorded. If one answers one of them, select that recipient and press Mark replied:</source>
        <translation>
            <numerusform>%n повідомлення відповідає на лист лише темою, з адреси, спільної для кількох адресатів; нічого не записано. Якщо це відповідь одного з них, виберіть цього адресата й натисніть «Позначити: відповіли»:</numerusform>
            <numerusform>%n повідомлення відповідають на листи лише темою, з адрес, спільних для кількох адресатів; нічого не записано. Якщо котресь є відповіддю одного з них, виберіть цього адресата й натисніть «Позначити: відповіли»:</numerusform>
            <numerusform>%n повідомлень відповідають на листи лише темою, з адрес, спільних для кількох адресатів; нічого не записано. Якщо котресь є відповіддю одного з них, виберіть цього адресата й натисніть «Позначити: відповіли»:</numerusform>
        </translation>
    </message>
    <message>
        <source>the mailbox</source>
        <translation>поштової скриньки</translation>
    </message>
    <message>
        <source>No system keyring can keep the password here: {what}</source>
        <translation>Жодне системне сховище паролів не може зберегти пароль тут: {what}</translation>
    </message>
    <message>
        <source>Password for {account}:</source>
        <translation>Пароль для {account}:</translation>
    </message>
    <message>
        <source>Check inbox</source>
        <translation>Перевірити пошту</translation>
    </message>
    <message>
        <source>Password for {account} (kept in the system keyring once it works):</source>
        <translation>Пароль для {account} (після успішного входу зберігається в системному сховищі паролів):</translation>
    </message>
    <message>
        <source>Reading the inbox…</source>
        <translation>Читаємо пошту…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Скасувати</translation>
    </message>
    <message numerus="yes">
        <source>Read {done} of %n new message(s)…</source>
        <translation>
            <numerusform>Прочитано {done} з %n нового повідомлення…</numerusform>
            <numerusform>Прочитано {done} з %n нових повідомлень…</numerusform>
            <numerusform>Прочитано {done} з %n нових повідомлень…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ItemEditor</name>
    <message>
        <source>&amp;ID</source>
        <translation>&amp;Ідентифікатор</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Дата</translation>
    </message>
    <message>
        <source>&amp;As of</source>
        <translation>&amp;Станом на</translation>
    </message>
    <message>
        <source>Te&amp;xt</source>
        <translation>&amp;Текст</translation>
    </message>
    <message>
        <source>So&amp;urces</source>
        <translation>Д&amp;жерела</translation>
    </message>
    <message>
        <source>&amp;Label</source>
        <translation>&amp;Позначка</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Заголовок</translation>
    </message>
    <message>
        <source>&amp;Points</source>
        <translation>П&amp;ункти</translation>
    </message>
    <message>
        <source>Na&amp;me</source>
        <translation>Ім’&amp;я</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <source>Reci&amp;pient id</source>
        <translation>Ідентифікатор &amp;адресата</translation>
    </message>
    <message>
        <source>&amp;Publisher</source>
        <translation>&amp;Видавець</translation>
    </message>
    <message>
        <source>&amp;Web address</source>
        <translation>&amp;Вебадреса</translation>
    </message>
    <message>
        <source>&amp;Gender</source>
        <translation>С&amp;тать</translation>
    </message>
    <message>
        <source>Descri&amp;ption</source>
        <translation>&amp;Опис</translation>
    </message>
    <message>
        <source>Summar&amp;y</source>
        <translation>Ко&amp;роткий виклад</translation>
    </message>
    <message>
        <source>N&amp;ote</source>
        <translation>При&amp;мітка</translation>
    </message>
    <message>
        <source>YYYY-MM-DD, YYYY-MM or YYYY</source>
        <translation>РРРР-ММ-ДД, РРРР-ММ або РРРР</translation>
    </message>
    <message>
        <source>source ids, separated by commas</source>
        <translation>ідентифікатори джерел через кому</translation>
    </message>
    <message>
        <source>id of this supporter in the recipient directory (optional)</source>
        <translation>ідентифікатор цього прихильника в довіднику адресатів (необов’язково)</translation>
    </message>
    <message>
        <source>A, B, C… (optional)</source>
        <translation>A, B, C… (необов’язково)</translation>
    </message>
    <message>
        <source>(not given)</source>
        <translation>(не вказано)</translation>
    </message>
    <message>
        <source>female (f)</source>
        <translation>жіноча (f)</translation>
    </message>
    <message>
        <source>male (m)</source>
        <translation>чоловіча (m)</translation>
    </message>
</context>
<context>
    <name>LocalizedField</name>
    <message>
        <source>All languages</source>
        <translation>Усі мови</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Opening {folder}…</source>
        <translation>Відкриваємо {folder}…</translation>
    </message>
    <message>
        <source>&amp;Case</source>
        <translation>&amp;Справа</translation>
    </message>
    <message>
        <source>&amp;Recipients</source>
        <translation>&amp;Адресати</translation>
    </message>
    <message>
        <source>C&amp;ompose</source>
        <translation>&amp;Лист</translation>
    </message>
    <message>
        <source>&amp;Batch</source>
        <translation>&amp;Пакет</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Налаштування</translation>
    </message>
    <message>
        <source>O&amp;utreach</source>
        <translation>&amp;Контакти</translation>
    </message>
    <message>
        <source>No campaign open</source>
        <translation>Кампанію не відкрито</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>&amp;New campaign from the example…</source>
        <translation>&amp;Нова кампанія на основі прикладу…</translation>
    </message>
    <message>
        <source>New &amp;empty campaign…</source>
        <translation>Нова &amp;порожня кампанія…</translation>
    </message>
    <message>
        <source>&amp;Open campaign folder…</source>
        <translation>&amp;Відкрити теку кампанії…</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>Не&amp;давні</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>В&amp;ийти</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Вигляд</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Довідка</translation>
    </message>
    <message>
        <source>&amp;About campaign_app</source>
        <translation>&amp;Про campaign_app</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(немає)</translation>
    </message>
    <message>
        <source>About campaign_app</source>
        <translation>Про campaign_app</translation>
    </message>
    <message>
        <source>campaign_app {version}
Appeal letters for human-rights campaigns.
Works offline; sends nothing you did not ask it to send.</source>
        <translation>campaign_app {version}
Листи-звернення для правозахисних кампаній.
Працює без інтернету; не надсилає нічого, про що ви не просили.</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Незбережені зміни</translation>
    </message>
    <message>
        <source>There are unsaved changes in: {tabs}.
Discard them?</source>
        <translation>Є незбережені зміни на вкладках: {tabs}.
Відкинути їх?</translation>
    </message>
    <message>
        <source>Cannot open campaign</source>
        <translation>Не вдається відкрити кампанію</translation>
    </message>
    <message>
        <source>Open campaign folder</source>
        <translation>Відкрити теку кампанії</translation>
    </message>
    <message>
        <source>{title}: choose where to create it</source>
        <translation>{title}: виберіть, де її створити</translation>
    </message>
    <message>
        <source>Name of the new campaign folder:</source>
        <translation>Назва теки нової кампанії:</translation>
    </message>
    <message>
        <source>New campaign from the example</source>
        <translation>Нова кампанія на основі прикладу</translation>
    </message>
    <message>
        <source>New empty campaign</source>
        <translation>Нова порожня кампанія</translation>
    </message>
    <message>
        <source>Cannot create campaign</source>
        <translation>Не вдається створити кампанію</translation>
    </message>
</context>
<context>
    <name>MappingModel</name>
    <message>
        <source>(ignore)</source>
        <translation>(пропустити)</translation>
    </message>
    <message>
        <source>full name (split into given_name, family_name)</source>
        <translation>повне ім’я (ділиться на given_name, family_name)</translation>
    </message>
    <message>
        <source>full name, family name first (ПІБ)</source>
        <translation>повне ім&apos;я, спершу прізвище (ПІБ)</translation>
    </message>
    <message>
        <source>patronymic (joins given_name)</source>
        <translation>по батькові (додається до given_name)</translation>
    </message>
    <message>
        <source>homepage (checks the country; not kept)</source>
        <translation>домашня сторінка (перевіряє країну; не зберігається)</translation>
    </message>
    <message>
        <source>end of term (tags former-member; not kept)</source>
        <translation>кінець повноважень (тег former-member; не зберігається)</translation>
    </message>
    <message>
        <source>(unnamed)</source>
        <translation>(без назви)</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>Стовпець у файлі</translation>
    </message>
    <message>
        <source>Directory field</source>
        <translation>Поле довідника</translation>
    </message>
    <message>
        <source>First value</source>
        <translation>Перше значення</translation>
    </message>
</context>
<context>
    <name>MarkDialog</name>
    <message>
        <source>&amp;Replied</source>
        <translation>&amp;Відповіли</translation>
    </message>
    <message>
        <source>&amp;No reply (stop waiting)</source>
        <translation>&amp;Без відповіді (більше не чекати)</translation>
    </message>
    <message>
        <source>C&amp;losed</source>
        <translation>&amp;Закрито</translation>
    </message>
    <message>
        <source>&amp;Sent by post, web form, fax or in person</source>
        <translation>&amp;Надіслано поштою, через вебформу, факсом або особисто</translation>
    </message>
    <message>
        <source>E-mail &amp;went out: it is in the Sent folder</source>
        <translation>&amp;Електронний лист пішов: він є в папці «Надіслані»</translation>
    </message>
    <message>
        <source>Mark — {name}</source>
        <translation>Позначити — {name}</translation>
    </message>
    <message>
        <source>What happened with the letter to &lt;b&gt;{name}&lt;/b&gt;?</source>
        <translation>Що сталося з листом до &lt;b&gt;{name}&lt;/b&gt;?</translation>
    </message>
    <message numerus="yes">
        <source>Mark — %n recipient(s)</source>
        <translation>
            <numerusform>Позначити — %n адресат</numerusform>
            <numerusform>Позначити — %n адресати</numerusform>
            <numerusform>Позначити — %n адресатів</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>What happened with the letters to these %n recipients: {names}?</source>
        <translation>
            <numerusform>Що сталося з листом до %n адресата: {names}?</numerusform>
            <numerusform>Що сталося з листами до цих %n адресатів: {names}?</numerusform>
            <numerusform>Що сталося з листами до цих %n адресатів: {names}?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n selected recipient(s) with no letter in the log are left out.</source>
        <translation>
            <numerusform>%n вибраного адресата без листа в журналі пропущено.</numerusform>
            <numerusform>%n вибраних адресатів без листа в журналі пропущено.</numerusform>
            <numerusform>%n вибраних адресатів без листа в журналі пропущено.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Channel:</source>
        <translation>&amp;Канал:</translation>
    </message>
    <message>
        <source>Each one&apos;s letter (templates {templates})</source>
        <translation>Лист кожного з них (шаблони {templates})</translation>
    </message>
    <message>
        <source>The letter from template {template}</source>
        <translation>Лист за шаблоном {template}</translation>
    </message>
    <message>
        <source>L&amp;etter:</source>
        <translation>&amp;Лист:</translation>
    </message>
    <message>
        <source>optional, e.g. what they answered, or a reference number</source>
        <translation>необов’язково, напр. що відповіли або номер звернення</translation>
    </message>
    <message>
        <source>N&amp;ote:</source>
        <translation>П&amp;римітка:</translation>
    </message>
    <message>
        <source>Recorded in the contact log as done by {name}.</source>
        <translation>У журналі контактів буде записано, що це зробив(-ла) {name}.</translation>
    </message>
    <message>
        <source>&amp;Mark</source>
        <translation>&amp;Позначити</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Mark %n recipient(s)</source>
        <translation>
            <numerusform>&amp;Позначити %n адресата</numerusform>
            <numerusform>&amp;Позначити %n адресатів</numerusform>
            <numerusform>&amp;Позначити %n адресатів</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{names} and %n more</source>
        <translation>
            <numerusform>{names} та ще %n</numerusform>
            <numerusform>{names} та ще %n</numerusform>
            <numerusform>{names} та ще %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Discard the note?</source>
        <translation>Відкинути нотатку?</translation>
    </message>
    <message>
        <source>The note you typed is not recorded. Discard it?</source>
        <translation>Нотатку, яку ви ввели, не записано. Відкинути її?</translation>
    </message>
</context>
<context>
    <name>MessagePreview</name>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n байт</numerusform>
            <numerusform>%n байти</numerusform>
            <numerusform>%n байтів</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OutreachBrowser</name>
    <message>
        <source>Reading the contact log…</source>
        <translation>Читаємо журнал контактів…</translation>
    </message>
    <message>
        <source>The contact log cannot be read:</source>
        <translation>Журнал контактів не вдається прочитати:</translation>
    </message>
    <message>
        <source>Nothing to show until the contact log can be read (see above).</source>
        <translation>Нічого показати, доки журнал контактів не можна прочитати (див. вище).</translation>
    </message>
    <message numerus="yes">
        <source>%n recipient(s) in the log</source>
        <translation>
            <numerusform>%n адресат у журналі</numerusform>
            <numerusform>%n адресати в журналі</numerusform>
            <numerusform>%n адресатів у журналі</numerusform>
        </translation>
    </message>
    <message>
        <source>, {count} not written to yet</source>
        <translation>, ще не писали: {count}</translation>
    </message>
    <message>
        <source> · {count} shown</source>
        <translation> · показано: {count}</translation>
    </message>
    <message numerus="yes">
        <source>%n follow-up(s) due</source>
        <translation>
            <numerusform>%n нагадування пора надіслати</numerusform>
            <numerusform>%n нагадування пора надіслати</numerusform>
            <numerusform>%n нагадувань пора надіслати</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(after %n day(s))</source>
        <translation>
            <numerusform>(через %n день)</numerusform>
            <numerusform>(через %n дні)</numerusform>
            <numerusform>(через %n днів)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n recipient(s) selected</source>
        <translation>
            <numerusform>Вибрано %n адресата</numerusform>
            <numerusform>Вибрано %n адресатів</numerusform>
            <numerusform>Вибрано %n адресатів</numerusform>
        </translation>
    </message>
    <message>
        <source>a mark is recorded for each of them; the history below is of the row with the focus.</source>
        <translation>позначку буде записано для кожного з них; нижче показано історію рядка, на якому стоїть фокус.</translation>
    </message>
    <message numerus="yes">
        <source>%n letter(s)</source>
        <translation>
            <numerusform>%n лист</numerusform>
            <numerusform>%n листи</numerusform>
            <numerusform>%n листів</numerusform>
        </translation>
    </message>
    <message>
        <source>The history cannot be read:</source>
        <translation>Історію не вдається прочитати:</translation>
    </message>
    <message>
        <source>No campaign is open: open a campaign folder with File ▸ Open campaign folder…</source>
        <translation>Кампанію не відкрито: відкрийте теку кампанії через Файл ▸ Відкрити теку кампанії…</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Історія</translation>
    </message>
    <message>
        <source>select a recipient to see every letter and event</source>
        <translation>виберіть адресата, щоб побачити всі листи й події</translation>
    </message>
    <message>
        <source> · follow-up due since {date}</source>
        <translation> · нагадування пора надіслати з {date}</translation>
    </message>
    <message>
        <source>History of {name}</source>
        <translation>Історія: {name}</translation>
    </message>
</context>
<context>
    <name>OutreachModel</name>
    <message>
        <source>Name</source>
        <translation>Ім’я</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Категорія</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Стан</translation>
    </message>
    <message>
        <source>Last action</source>
        <translation>Остання дія</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Коли</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Хто</translation>
    </message>
    <message>
        <source>Follow-up due</source>
        <translation>Нагадування</translation>
    </message>
    <message>
        <source>{date} — due</source>
        <translation>{date} — пора</translation>
    </message>
    <message>
        <source>When a follow-up is due if no reply is recorded (the campaign&apos;s follow-up period)</source>
        <translation>Коли пора надіслати нагадування, якщо відповіді не записано (строк нагадування кампанії)</translation>
    </message>
    <message>
        <source>Follow-up due, or the status of the letter that changed last</source>
        <translation>Пора нагадати, або стан листа, що змінився останнім</translation>
    </message>
    <message numerus="yes">
        <source>%n letter(s) in the log</source>
        <translation>
            <numerusform>%n лист у журналі</numerusform>
            <numerusform>%n листи в журналі</numerusform>
            <numerusform>%n листів у журналі</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OutreachTab</name>
    <message numerus="yes">
        <source>%n letter(s)</source>
        <translation>
            <numerusform>%n лист</numerusform>
            <numerusform>%n листи</numerusform>
            <numerusform>%n листів</numerusform>
        </translation>
    </message>
    <message>
        <source>Marked {name} {status}</source>
        <translation>Позначено: {name} — {status}</translation>
    </message>
    <message>
        <source>Recording…</source>
        <translation>Записуємо…</translation>
    </message>
    <message>
        <source>Nothing was recorded.</source>
        <translation>Нічого не записано.</translation>
    </message>
    <message numerus="yes">
        <source>Marked %n recipient(s) {status}</source>
        <translation>
            <numerusform>Позначено %n адресата — {status}</numerusform>
            <numerusform>Позначено %n адресатів — {status}</numerusform>
            <numerusform>Позначено %n адресатів — {status}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nothing was marked: %n of the {count} selected recipients cannot be marked {status}:</source>
        <translation>
            <numerusform>Нічого не позначено: %n з {count} вибраних адресатів не можна позначити як «{status}»:</numerusform>
            <numerusform>Нічого не позначено: %n з {count} вибраних адресатів не можна позначити як «{status}»:</numerusform>
            <numerusform>Нічого не позначено: %n з {count} вибраних адресатів не можна позначити як «{status}»:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n more: {names}</source>
        <translation>
            <numerusform>і ще %n: {names}</numerusform>
            <numerusform>і ще %n: {names}</numerusform>
            <numerusform>і ще %n: {names}</numerusform>
        </translation>
    </message>
    <message>
        <source>Put that right, or leave them out of the selection (Ctrl+click), and mark again.</source>
        <translation>Виправте це або зніміть з них виділення (Ctrl+клік) і позначте знову.</translation>
    </message>
    <message>
        <source>Export the contact log</source>
        <translation>Експортувати журнал контактів</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Файли CSV (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n row(s) to {path}</source>
        <translation>
            <numerusform>Експортовано %n рядок у {path}</numerusform>
            <numerusform>Експортовано %n рядки у {path}</numerusform>
            <numerusform>Експортовано %n рядків у {path}</numerusform>
        </translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Експорт…</translation>
    </message>
    <message>
        <source>Write the outreach report</source>
        <translation>Записати звіт про контакти</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Файли PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Wrote the report to {path}</source>
        <translation>Звіт записано в {path}</translation>
    </message>
    <message>
        <source>Writing the report…</source>
        <translation>Записуємо звіт…</translation>
    </message>
    <message>
        <source>Checking the inbox…</source>
        <translation>Перевіряємо пошту…</translation>
    </message>
    <message>
        <source>The inbox was not read.</source>
        <translation>Пошту не прочитано.</translation>
    </message>
    <message>
        <source>Inbox check cancelled: what was recorded stays.</source>
        <translation>Перевірку пошти скасовано: записане залишається.</translation>
    </message>
</context>
<context>
    <name>OutreachWidgets</name>
    <message>
        <source>No letters in the log yet: generate letters in the Batch tab or send them with Send letters…

Every letter generated or sent is recorded here, with what happened since.</source>
        <translation>У журналі ще немає листів: створіть листи на вкладці «Пакет» або надішліть їх кнопкою «Надіслати листи…».

Тут записується кожен створений чи надісланий лист і все, що сталося з ним далі.</translation>
    </message>
    <message>
        <source>Mark &amp;replied…</source>
        <translation>Позначити: &amp;відповіли…</translation>
    </message>
    <message>
        <source>Mark no reply…</source>
        <translation>Позначити: без відповіді…</translation>
    </message>
    <message>
        <source>Mark closed…</source>
        <translation>Позначити: закрито…</translation>
    </message>
    <message>
        <source>Mark sent by post, web form…</source>
        <translation>Позначити: надіслано поштою, через вебформу…</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Коли</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Лист</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Подія</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Хто</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Канал</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Подробиці</translation>
    </message>
    <message>
        <source>S&amp;earch:</source>
        <translation>По&amp;шук:</translation>
    </message>
    <message>
        <source>name or category, e.g. simecka   mep</source>
        <translation>ім’я або категорія, напр. simecka   mep</translation>
    </message>
    <message>
        <source>Words looked for in names, ids and categories (case and accents ignored)</source>
        <translation>Слова, які шукаються в іменах, ідентифікаторах і категоріях (без урахування регістру й діакритики)</translation>
    </message>
    <message>
        <source>Record a reply for the selected recipients (Ctrl+R; Shift+click or Ctrl+click selects several, Ctrl+A all); the arrow offers no reply, closed, and letters sent by post or web form</source>
        <translation>Записати відповідь для вибраних адресатів (Ctrl+R; Shift+клік або Ctrl+клік вибирає кількох, Ctrl+A — усіх); стрілка пропонує «без відповіді», «закрито» та листи, надіслані поштою чи через вебформу</translation>
    </message>
    <message>
        <source>Se&amp;nd letters…</source>
        <translation>Над&amp;іслати листи…</translation>
    </message>
    <message>
        <source>E-mail a template&apos;s letters through the campaign&apos;s mail server</source>
        <translation>Надіслати листи за шаблоном електронною поштою через поштовий сервер кампанії</translation>
    </message>
    <message>
        <source>Check &amp;inbox</source>
        <translation>П&amp;еревірити пошту</translation>
    </message>
    <message>
        <source>Read the mailbox named under inbox: in campaign.yaml, without changing it, and record replies, automatic replies and bounces to the letters sent</source>
        <translation>Прочитати скриньку, вказану в розділі inbox: у campaign.yaml, нічого в ній не змінюючи, і записати відповіді, автовідповіді та повернення на надіслані листи</translation>
    </message>
    <message>
        <source>E&amp;xport CSV…</source>
        <translation>Експорт &amp;CSV…</translation>
    </message>
    <message>
        <source>The whole log, one row per event, for a spreadsheet or a merge</source>
        <translation>Увесь журнал, по рядку на подію, для таблиці чи об’єднання</translation>
    </message>
    <message>
        <source>Re&amp;port PDF…</source>
        <translation>&amp;Звіт PDF…</translation>
    </message>
    <message>
        <source>A one-page summary for coordinators</source>
        <translation>Підсумок на одну сторінку для координаторів</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Оновити</translation>
    </message>
    <message>
        <source>Read the contact log again (F5)</source>
        <translation>Прочитати журнал контактів знову (F5)</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Показати:</translation>
    </message>
    <message>
        <source>Every recipient in the log</source>
        <translation>Усі адресати в журналі</translation>
    </message>
    <message>
        <source>{status}: {meaning} (as the query status:{key})</source>
        <translation>{status}: {meaning} (як у запиті status:{key})</translation>
    </message>
    <message>
        <source>Also show recipients not yet &amp;written to</source>
        <translation>Показати &amp;й адресатів, яким ще не писали</translation>
    </message>
    <message>
        <source>Everyone in the directory, with status &apos;none&apos; if the log has no letter to them</source>
        <translation>Усі з довідника; стан «none», якщо в журналі немає листа до них</translation>
    </message>
    <message>
        <source>&amp;Open report</source>
        <translation>&amp;Відкрити звіт</translation>
    </message>
</context>
<context>
    <name>OutreachWords</name>
    <message>
        <source>All</source>
        <translation>Усі</translation>
    </message>
    <message>
        <source>drafted</source>
        <translation>створено</translation>
    </message>
    <message>
        <source>printed</source>
        <translation>надруковано</translation>
    </message>
    <message>
        <source>sending</source>
        <translation>надсилається</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>надіслано</translation>
    </message>
    <message>
        <source>revised</source>
        <translation>змінено</translation>
    </message>
    <message>
        <source>uncertain</source>
        <translation>невідомо</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>помилка</translation>
    </message>
    <message>
        <source>replied</source>
        <translation>відповіли</translation>
    </message>
    <message>
        <source>bounced</source>
        <translation>повернуто</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>закрито</translation>
    </message>
    <message>
        <source>note</source>
        <translation>примітка</translation>
    </message>
    <message>
        <source>renamed</source>
        <translation>перейменовано</translation>
    </message>
    <message>
        <source>none</source>
        <translation>немає</translation>
    </message>
    <message>
        <source>followup-due</source>
        <translation>пора нагадати</translation>
    </message>
    <message>
        <source>auto-reply</source>
        <translation>автовідповідь</translation>
    </message>
    <message>
        <source>no-reply</source>
        <translation>без відповіді</translation>
    </message>
    <message>
        <source>email</source>
        <translation>ел. пошта</translation>
    </message>
    <message>
        <source>post</source>
        <translation>пошта</translation>
    </message>
    <message>
        <source>web form</source>
        <translation>вебформа</translation>
    </message>
    <message>
        <source>fax</source>
        <translation>факс</translation>
    </message>
    <message>
        <source>in person</source>
        <translation>особисто</translation>
    </message>
    <message>
        <source>sending (interrupted?)</source>
        <translation>надсилається (перервано?)</translation>
    </message>
    <message>
        <source>sent by {channel}</source>
        <translation>надіслано: {channel}</translation>
    </message>
    <message>
        <source>drafted for {channel}</source>
        <translation>створено для: {channel}</translation>
    </message>
    <message>
        <source>today {time}</source>
        <translation>сьогодні {time}</translation>
    </message>
    <message>
        <source>yesterday {time}</source>
        <translation>учора {time}</translation>
    </message>
</context>
<context>
    <name>PlanForm</name>
    <message>
        <source>Letters to send</source>
        <translation>Листи для надсилання</translation>
    </message>
    <message>
        <source>optional, e.g.  country:DE  -status:replied</source>
        <translation>необов’язково, напр.  country:DE  -status:replied</translation>
    </message>
    <message>
        <source>Narrows the template&apos;s audience, as campaign-app send --query</source>
        <translation>Звужує коло адресатів шаблону, як campaign-app send --query</translation>
    </message>
    <message>
        <source>Attach the &amp;DOCX as well as the PDF</source>
        <translation>Додавати &amp;DOCX разом із PDF</translation>
    </message>
    <message>
        <source>&amp;Resend letters whose sending was interrupted (uncertain)</source>
        <translation>&amp;Повторно надіслати листи, надсилання яких перервалося (невідомо)</translation>
    </message>
    <message>
        <source>E-mail letters printed but not p&amp;osted</source>
        <translation>Надіслати е-поштою листи, надруковані, але не в&amp;ідправлені поштою</translation>
    </message>
    <message>
        <source>These may already have arrived: the connection was lost before the server confirmed them. Resending may deliver them twice.</source>
        <translation>Вони могли вже дійти: з’єднання обірвалося до підтвердження сервера. Повторне надсилання може доставити їх двічі.</translation>
    </message>
    <message>
        <source>&amp;Template:</source>
        <translation>&amp;Шаблон:</translation>
    </message>
    <message>
        <source>Narrow by &amp;query:</source>
        <translation>Звузити запито&amp;м:</translation>
    </message>
    <message numerus="yes">
        <source>%n letter(s) to send from {sender} through {server}</source>
        <translation>
            <numerusform>%n лист до надсилання з {sender} через {server}</numerusform>
            <numerusform>%n листи до надсилання з {sender} через {server}</numerusform>
            <numerusform>%n листів до надсилання з {sender} через {server}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Send %n letter(s) now?</source>
        <translation>
            <numerusform>Надіслати %n лист зараз?</numerusform>
            <numerusform>Надіслати %n листи зараз?</numerusform>
            <numerusform>Надіслати %n листів зараз?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PointsEditor</name>
    <message>
        <source>Add p&amp;oint</source>
        <translation>Додати п&amp;ункт</translation>
    </message>
    <message>
        <source>Delete point</source>
        <translation>Видалити пункт</translation>
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
        <translation>Джерела</translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <source>The row&apos;s number in the file, as the report names it</source>
        <translation>Номер рядка у файлі, як його називає звіт</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Перевірка</translation>
    </message>
    <message>
        <source>{column} fills {field}</source>
        <translation>{column} заповнює {field}</translation>
    </message>
    <message>
        <source>{column} is not imported</source>
        <translation>{column} не імпортується</translation>
    </message>
    <message>
        <source>not imported</source>
        <translation>не імпортовано</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>гаразд</translation>
    </message>
</context>
<context>
    <name>PrintDialog</name>
    <message>
        <source>Nothing: the letters only</source>
        <translation>Нічого: лише листи</translation>
    </message>
    <message>
        <source>DL envelopes (220 × 110 mm, A4 folded in three)</source>
        <translation>Конверти DL (220 × 110 мм, A4 утроє)</translation>
    </message>
    <message>
        <source>C5 envelopes (229 × 162 mm, A4 folded once)</source>
        <translation>Конверти C5 (229 × 162 мм, A4 навпіл)</translation>
    </message>
    <message>
        <source>C4 envelopes (324 × 229 mm, A4 flat)</source>
        <translation>Конверти C4 (324 × 229 мм, A4 без згинання)</translation>
    </message>
    <message>
        <source>Address labels, Avery L7163 (A4, 2 × 7)</source>
        <translation>Адресні наліпки, Avery L7163 (A4, 2 × 7)</translation>
    </message>
    <message>
        <source>Print pack</source>
        <translation>Пакет для друку</translation>
    </message>
    <message>
        <source>One PDF of template “{template}”, narrowed by “{query}”</source>
        <translation>Один PDF за шаблоном «{template}», звужений запитом «{query}»</translation>
    </message>
    <message>
        <source>One PDF of template “{template}”</source>
        <translation>Один PDF за шаблоном «{template}»</translation>
    </message>
    <message>
        <source>{which}: every letter to a recipient with a postal address, each starting on a new sheet for two-sided printing, then an envelope or a label for each, in the same order.</source>
        <translation>{which}: усі листи адресатам із поштовою адресою, кожен із нового аркуша для двобічного друку, потім конверт або наліпка для кожного в тому самому порядку.</translation>
    </message>
    <message>
        <source>&amp;After the letters:</source>
        <translation>&amp;Після листів:</translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>&amp;Огляд…</translation>
    </message>
    <message>
        <source>PDF &amp;file:</source>
        <translation>&amp;Файл PDF:</translation>
    </message>
    <message>
        <source>&amp;Print pack</source>
        <translation>&amp;Друкувати пакет</translation>
    </message>
    <message>
        <source>Save the print pack</source>
        <translation>Зберегти пакет для друку</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>{path} is a folder: name the PDF file to write</source>
        <translation>{path} — це тека: вкажіть назву файлу PDF</translation>
    </message>
    <message>
        <source>Preparing: choosing recipients…</source>
        <translation>Підготовка: вибираємо адресатів…</translation>
    </message>
    <message numerus="yes">
        <source>%n recipient(s) without a postal address: not in the print pack</source>
        <translation>
            <numerusform>%n адресат без поштової адреси: не в пакеті для друку</numerusform>
            <numerusform>%n адресати без поштової адреси: не в пакеті для друку</numerusform>
            <numerusform>%n адресатів без поштової адреси: не в пакеті для друку</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n letter(s) already went out: not in the print pack</source>
        <translation>
            <numerusform>%n лист уже надіслано: його немає в пакеті для друку</numerusform>
            <numerusform>%n листи вже надіслано: їх немає в пакеті для друку</numerusform>
            <numerusform>%n листів уже надіслано: їх немає в пакеті для друку</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n letter(s) printed before but not marked as sent by post: in this pack again; one posted after all must not be posted twice</source>
        <translation>
            <numerusform>%n лист уже друкували, але не позначено як відправлений поштою: він знову в цьому пакеті; якщо його все ж відправили, не відправляйте вдруге</numerusform>
            <numerusform>%n листи вже друкували, але не позначено як відправлені поштою: вони знову в цьому пакеті; якщо якийсь усе ж відправили, не відправляйте вдруге</numerusform>
            <numerusform>%n листів уже друкували, але не позначено як відправлені поштою: вони знову в цьому пакеті; якщо якийсь усе ж відправили, не відправляйте вдруге</numerusform>
        </translation>
    </message>
    <message>
        <source> · putting the pack together…</source>
        <translation> · збираємо пакет…</translation>
    </message>
    <message numerus="yes">
        <source>{done} of %n letter(s)</source>
        <translation>
            <numerusform>{done} з %n листа</numerusform>
            <numerusform>{done} з %n листів</numerusform>
            <numerusform>{done} з %n листів</numerusform>
        </translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрити</translation>
    </message>
    <message>
        <source>Nothing was printed.</source>
        <translation>Нічого не надруковано.</translation>
    </message>
    <message>
        <source>Nothing to print.</source>
        <translation>Нічого друкувати.</translation>
    </message>
    <message>
        <source>Cancelled: no print pack was written and nothing was recorded as printed.</source>
        <translation>Скасовано: пакет для друку не записано, і нічого не позначено як надруковане.</translation>
    </message>
    <message>
        <source>Done: {letters}, {pages} in all → {path}
Recorded as printed in the contact log; mark each one sent by post (Outreach tab) once it is in the post.</source>
        <translation>Готово: {letters}, усього {pages} → {path}
У журналі контактів записано як надруковані; коли листи відправлено, позначте кожен як надісланий поштою (вкладка «Контакти»).</translation>
    </message>
    <message numerus="yes">
        <source>%n letter(s)</source>
        <translation>
            <numerusform>%n лист</numerusform>
            <numerusform>%n листи</numerusform>
            <numerusform>%n листів</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n сторінка</numerusform>
            <numerusform>%n сторінки</numerusform>
            <numerusform>%n сторінок</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelling: finishing the letter in hand…</source>
        <translation>Скасування: завершуємо поточний лист…</translation>
    </message>
</context>
<context>
    <name>ProblemList</name>
    <message>
        <source>Problems in the case file</source>
        <translation>Проблеми у файлі справи</translation>
    </message>
    <message>
        <source>Problems in the case file ({count})</source>
        <translation>Проблеми у файлі справи ({count})</translation>
    </message>
</context>
<context>
    <name>Problems</name>
    <message>
        <source>leave it out of the selection: its history shows when it went</source>
        <translation>зніміть виділення з цього адресата: історія листа показує, коли його надіслано</translation>
    </message>
    <message>
        <source>check the user name under inbox: in campaign.yaml (with many providers it is the whole e-mail address), then press Check inbox and type the mailbox&apos;s current password</source>
        <translation>перевірте ім’я користувача в розділі inbox: у campaign.yaml (у багатьох провайдерів це вся адреса e-mail), потім натисніть «Перевірити пошту» й введіть поточний пароль скриньки</translation>
    </message>
    <message>
        <source>No recipient matches this template&apos;s audience ({audience}) narrowed by the query {query}: correct the query, or look for them in the Recipients tab.</source>
        <translation>Жоден адресат не відповідає аудиторії цього шаблону ({audience}), звуженій запитом {query}: виправте запит або пошукайте адресатів на вкладці «Адресати».</translation>
    </message>
    <message>
        <source>No recipient matches this template&apos;s audience ({audience}): correct the audience in the Compose tab, or add recipients in the Recipients tab.</source>
        <translation>Жоден адресат не відповідає аудиторії цього шаблону ({audience}): виправте аудиторію на вкладці «Лист» або додайте адресатів на вкладці «Адресати».</translation>
    </message>
</context>
<context>
    <name>ProgressPage</name>
    <message>
        <source>Ca&amp;ncel</source>
        <translation>С&amp;касувати</translation>
    </message>
    <message>
        <source>Stop after the message being sent; the rest are sent by the next run</source>
        <translation>Зупинитися після поточного повідомлення; решту надішле наступний запуск</translation>
    </message>
</context>
<context>
    <name>RecipientDialog</name>
    <message>
        <source>Add recipient</source>
        <translation>Додати адресата</translation>
    </message>
    <message>
        <source>Edit recipient — {name}</source>
        <translation>Редагувати адресата — {name}</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Хто</translation>
    </message>
    <message>
        <source>How to reach them</source>
        <translation>Як зв’язатися</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Облік</translation>
    </message>
    <message>
        <source>Te&amp;xts in:</source>
        <translation>&amp;Тексти мовою:</translation>
    </message>
    <message>
        <source>Fields marked with a language are kept per language; saving changes only what you edit.</source>
        <translation>Поля з позначкою мови зберігаються окремо для кожної мови; збереження змінює лише те, що ви редагуєте.</translation>
    </message>
    <message>
        <source>  (new file)</source>
        <translation>  (новий файл)</translation>
    </message>
    <message>
        <source>Another file…</source>
        <translation>Інший файл…</translation>
    </message>
    <message>
        <source>Save in file:</source>
        <translation>Зберегти у файлі:</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Сьогодні</translation>
    </message>
    <message>
        <source>Set to today&apos;s date (after checking the entry at its source)</source>
        <translation>Поставити сьогоднішню дату (після перевірки запису за джерелом)</translation>
    </message>
    <message>
        <source>Choose a category…</source>
        <translation>Виберіть категорію…</translation>
    </message>
    <message>
        <source>a name (or a position or organisation)</source>
        <translation>ім’я (або посаду чи організацію)</translation>
    </message>
    <message>
        <source>To save, fill in: {fields}.</source>
        <translation>Щоб зберегти, заповніть: {fields}.</translation>
    </message>
    <message>
        <source>Correct the fields marked in red to save.</source>
        <translation>Щоб зберегти, виправте поля, позначені червоним.</translation>
    </message>
    <message>
        <source>Discard the changes?</source>
        <translation>Відкинути зміни?</translation>
    </message>
    <message>
        <source>What you typed for this recipient is not saved. Discard it?</source>
        <translation>Те, що ви ввели для цього адресата, не збережено. Відкинути?</translation>
    </message>
    <message>
        <source>Save the new recipient in</source>
        <translation>Зберегти нового адресата в</translation>
    </message>
    <message>
        <source>Recipient files (*.csv *.yaml *.yml)</source>
        <translation>Файли адресатів (*.csv *.yaml *.yml)</translation>
    </message>
    <message>
        <source>Choose a file in the recipients folder</source>
        <translation>Виберіть файл у теці recipients</translation>
    </message>
    <message>
        <source>The directory reads the .csv and .yaml files in {folder}; choose (or name) a file there so the new recipient is part of it.</source>
        <translation>Довідник читає файли .csv і .yaml у {folder}; виберіть (або назвіть) файл там, щоб новий адресат потрапив до довідника.</translation>
    </message>
    <message>
        <source>&amp;Id</source>
        <translation>І&amp;дентифікатор</translation>
    </message>
    <message>
        <source>&amp;Category</source>
        <translation>Категор&amp;ія</translation>
    </message>
    <message>
        <source>&amp;Honorific</source>
        <translation>&amp;Звертання</translation>
    </message>
    <message>
        <source>&amp;Given name</source>
        <translation>Ім’&amp;я</translation>
    </message>
    <message>
        <source>&amp;Family name</source>
        <translation>&amp;Прізвище</translation>
    </message>
    <message>
        <source>Gen&amp;der</source>
        <translation>&amp;Стать</translation>
    </message>
    <message>
        <source>&amp;Position</source>
        <translation>П&amp;осада</translation>
    </message>
    <message>
        <source>&amp;Organisation</source>
        <translation>Орга&amp;нізація</translation>
    </message>
    <message>
        <source>Countr&amp;y</source>
        <translation>К&amp;раїна</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Мова</translation>
    </message>
    <message>
        <source>&amp;E-mail</source>
        <translation>&amp;Ел. пошта</translation>
    </message>
    <message>
        <source>Postal &amp;address</source>
        <translation>Поштова &amp;адреса</translation>
    </message>
    <message>
        <source>&amp;Web form</source>
        <translation>Веб&amp;форма</translation>
    </message>
    <message>
        <source>Address &amp;block</source>
        <translation>&amp;Блок адреси</translation>
    </message>
    <message>
        <source>Salutatio&amp;n</source>
        <translation>Пр&amp;ивітання</translation>
    </message>
    <message>
        <source>Political g&amp;roup</source>
        <translation>Політична &amp;група</translation>
    </message>
    <message>
        <source>Co&amp;mmittees</source>
        <translation>&amp;Комітети</translation>
    </message>
    <message>
        <source>&amp;Tags</source>
        <translation>&amp;Теги</translation>
    </message>
    <message>
        <source>Source &amp;URL</source>
        <translation>&amp;URL джерела</translation>
    </message>
    <message>
        <source>&amp;Verified on</source>
        <translation>Пере&amp;вірено</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Нотатки</translation>
    </message>
    <message>
        <source>Personal note</source>
        <translation>Особисте звернення</translation>
    </message>
    <message>
        <source>a paragraph for this recipient alone, where a template writes {{ personal_note }}</source>
        <translation>абзац лише для цього адресата — там, де в шаблоні стоїть {{ personal_note }}</translation>
    </message>
    <message>
        <source>a stable slug, e.g. mep-197840</source>
        <translation>постійний ідентифікатор, напр. mep-197840</translation>
    </message>
    <message>
        <source>Ms, Mr, Dr, H.E. …</source>
        <translation>пані, пан, д-р, Його Екселенція…</translation>
    </message>
    <message>
        <source>two letters: UA, DE, SK</source>
        <translation>дві літери: UA, DE, SK</translation>
    </message>
    <message>
        <source>language of the letter: en, uk, fr …</source>
        <translation>мова листа: en, uk, fr …</translation>
    </message>
    <message>
        <source>https://… (where a contact form is the only channel)</source>
        <translation>https://… (якщо єдиний канал — форма зворотного зв’язку)</translation>
    </message>
    <message>
        <source>only to override the usual salutation</source>
        <translation>лише щоб замінити звичайне привітання</translation>
    </message>
    <message>
        <source>separated by &apos;;&apos; — e.g. supporter; droi</source>
        <translation>через «;» — напр. supporter; droi</translation>
    </message>
    <message>
        <source>https://… where you checked this entry</source>
        <translation>https://… де ви перевірили цей запис</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>РРРР-ММ-ДД</translation>
    </message>
    <message>
        <source>for an office: the position, e.g. Prosecutor General</source>
        <translation>для установи: посада, напр. Генеральний прокурор</translation>
    </message>
    <message>
        <source>— (not given)</source>
        <translation>— (не вказано)</translation>
    </message>
    <message>
        <source>f (female)</source>
        <translation>f (жіноча)</translation>
    </message>
    <message>
        <source>m (male)</source>
        <translation>m (чоловіча)</translation>
    </message>
</context>
<context>
    <name>RecipientPicker</name>
    <message>
        <source>Type a name, office or organisation</source>
        <translation>Введіть ім’я, посаду чи організацію</translation>
    </message>
</context>
<context>
    <name>RecipientsBrowser</name>
    <message>
        <source>No campaign open</source>
        <translation>Кампанію не відкрито</translation>
    </message>
    <message>
        <source>Loading recipients…</source>
        <translation>Завантаження адресатів…</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Завантаження…</translation>
    </message>
    <message>
        <source>Sorting…</source>
        <translation>Сортування…</translation>
    </message>
    <message numerus="yes">
        <source>The recipient directory has %n problem(s). Correct them in the files named below, then press Reload (F5).</source>
        <translation>
            <numerusform>У довіднику адресатів %n проблема. Виправте її у файлах, названих нижче, і натисніть «Перечитати» (F5).</numerusform>
            <numerusform>У довіднику адресатів %n проблеми. Виправте їх у файлах, названих нижче, і натисніть «Перечитати» (F5).</numerusform>
            <numerusform>У довіднику адресатів %n проблем. Виправте їх у файлах, названих нижче, і натисніть «Перечитати» (F5).</numerusform>
        </translation>
    </message>
    <message>
        <source>Directory not loaded</source>
        <translation>Довідник не завантажено</translation>
    </message>
    <message>
        <source>{error}. The table still shows the results of the last valid search, “{query}”.</source>
        <translation>{error}. У таблиці досі результати останнього правильного пошуку: «{query}».</translation>
    </message>
    <message>
        <source>{error}. Until it is corrected, the search does not filter the table.</source>
        <translation>{error}. Доки запит не виправлено, пошук не фільтрує таблицю.</translation>
    </message>
    <message>
        <source>Reading the contact log…</source>
        <translation>Читаємо журнал контактів…</translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %Ln recipient(s)</source>
        <translation>
            <numerusform>{shown} з %Ln адресата</numerusform>
            <numerusform>{shown} з %Ln адресатів</numerusform>
            <numerusform>{shown} з %Ln адресатів</numerusform>
        </translation>
    </message>
    <message>
        <source>{count} without a contact channel</source>
        <translation>без каналу зв’язку: {count}</translation>
    </message>
    <message numerus="yes">
        <source>{count} not verified in %Ln day(s)</source>
        <translation>
            <numerusform>не перевірено понад %Ln день: {count}</numerusform>
            <numerusform>не перевірено понад %Ln дні: {count}</numerusform>
            <numerusform>не перевірено понад %Ln днів: {count}</numerusform>
        </translation>
    </message>
    <message>
        <source>All categories ({count})</source>
        <translation>Усі категорії ({count})</translation>
    </message>
    <message>
        <source>No recipient matches “{query}”.
Check the spelling, or leave out a term.</source>
        <translation>Жоден адресат не відповідає «{query}».
Перевірте написання або приберіть одну з умов.</translation>
    </message>
    <message>
        <source>No recipient in the category “{category}” matches “{query}”.</source>
        <translation>Жоден адресат категорії «{category}» не відповідає «{query}».</translation>
    </message>
    <message>
        <source>No recipient is in the category “{category}”.</source>
        <translation>У категорії «{category}» немає жодного адресата.</translation>
    </message>
    <message>
        <source>Show all categories ({count})</source>
        <translation>Показати всі категорії ({count})</translation>
    </message>
</context>
<context>
    <name>RecipientsModel</name>
    <message>
        <source>Doubtful address: a letter to {address} bounced ({when}). Check it at its source.</source>
        <translation>Сумнівна адреса: лист на {address} повернувся ({when}). Перевірте її за джерелом.</translation>
    </message>
    <message>
        <source>No contact channel: add an e-mail address, a postal address or a web form.</source>
        <translation>Немає каналу зв’язку: додайте адресу електронної пошти, поштову адресу чи вебформу.</translation>
    </message>
    <message>
        <source>Never verified: check the entry at its source and fill in verified_on.</source>
        <translation>Ніколи не перевірявся: перевірте запис за джерелом і заповніть verified_on.</translation>
    </message>
    <message numerus="yes">
        <source>Last verified %Ln day(s) ago (more than {limit}, the campaign&apos;s freshness_days): people change office — check the entry at its source and update verified_on.</source>
        <translation>
            <numerusform>Востаннє перевірено %Ln день тому (більше ніж {limit}, freshness_days кампанії): люди змінюють посади — перевірте запис за джерелом і оновіть verified_on.</numerusform>
            <numerusform>Востаннє перевірено %Ln дні тому (більше ніж {limit}, freshness_days кампанії): люди змінюють посади — перевірте запис за джерелом і оновіть verified_on.</numerusform>
            <numerusform>Востаннє перевірено %Ln днів тому (більше ніж {limit}, freshness_days кампанії): люди змінюють посади — перевірте запис за джерелом і оновіть verified_on.</numerusform>
        </translation>
    </message>
    <message>
        <source>E-mail: {address}</source>
        <translation>Ел. пошта: {address}</translation>
    </message>
    <message>
        <source>Post: {address}</source>
        <translation>Пошта: {address}</translation>
    </message>
    <message>
        <source>Web form: {address}</source>
        <translation>Вебформа: {address}</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Ім’я</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Категорія</translation>
    </message>
    <message>
        <source>Position / organisation</source>
        <translation>Посада / організація</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Країна</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Мова</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Контакт</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Перевірено</translation>
    </message>
    <message>
        <source>web form: {address}</source>
        <translation>вебформа: {address}</translation>
    </message>
    <message>
        <source>post</source>
        <translation>пошта</translation>
    </message>
    <message>
        <source>none</source>
        <translation>немає</translation>
    </message>
</context>
<context>
    <name>RecipientsTab</name>
    <message>
        <source>nothing</source>
        <translation>нічого</translation>
    </message>
    <message>
        <source>Imported: {summary}.</source>
        <translation>Імпортовано: {summary}.</translation>
    </message>
    <message>
        <source>Import done</source>
        <translation>Імпорт завершено</translation>
    </message>
    <message>
        <source>Imported {file}: {summary}.

Written: {written}</source>
        <translation>Імпортовано {file}: {summary}.

Записано: {written}</translation>
    </message>
    <message>
        <source> from {file}</source>
        <translation> з {file}</translation>
    </message>
    <message>
        <source>Delete recipient</source>
        <translation>Видалити адресата</translation>
    </message>
    <message>
        <source>Delete {name} ({id}){where}?

The entry is removed from the file. This cannot be undone.</source>
        <translation>Видалити {name} ({id}){where}?

Запис буде вилучено з файлу. Цю дію не можна скасувати.</translation>
    </message>
    <message>
        <source>Deleted {id} from {file}.</source>
        <translation>{id} видалено з {file}.</translation>
    </message>
    <message>
        <source> (hidden by the search or category)</source>
        <translation> (приховано пошуком або категорією)</translation>
    </message>
    <message>
        <source>Added {id} to {file}{hidden}.</source>
        <translation>{id} додано до {file}{hidden}.</translation>
    </message>
    <message>
        <source>No changes to save.</source>
        <translation>Немає змін для збереження.</translation>
    </message>
    <message>
        <source>Saved {id} in {file}.</source>
        <translation>{id} збережено в {file}.</translation>
    </message>
    <message>
        <source>no file of the directory holds &apos;{id}&apos; any more</source>
        <translation>жоден файл довідника більше не містить «{id}»</translation>
    </message>
    <message>
        <source>the files changed on disk: press Reload (F5)</source>
        <translation>файли на диску змінилися: натисніть «Перечитати» (F5)</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Збереження…</translation>
    </message>
    <message>
        <source>Not saved.</source>
        <translation>Не збережено.</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Не збережено</translation>
    </message>
</context>
<context>
    <name>RecipientsWidgets</name>
    <message>
        <source>S&amp;earch:</source>
        <translation>По&amp;шук:</translation>
    </message>
    <message>
        <source>e.g. simecka   category:mep country:SK   tag:supporter -language:uk</source>
        <translation>напр. simecka   category:mep country:SK   tag:supporter -language:uk</translation>
    </message>
    <message>
        <source>The same queries as campaign-app --query: words are looked for in names, positions and organisations (case and accents ignored); field:value compares one field; -term excludes.</source>
        <translation>Ті самі запити, що й campaign-app --query: слова шукаються в іменах, посадах і організаціях (без урахування регістру й діакритики); поле:значення порівнює одне поле; -умова виключає.</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>Д&amp;одати…</translation>
    </message>
    <message>
        <source>Add a recipient (Insert)</source>
        <translation>Додати адресата (Insert)</translation>
    </message>
    <message>
        <source>Ed&amp;it…</source>
        <translation>&amp;Змінити…</translation>
    </message>
    <message>
        <source>Edit the selected recipient (Enter or F2)</source>
        <translation>Змінити вибраного адресата (Enter або F2)</translation>
    </message>
    <message>
        <source>De&amp;lete</source>
        <translation>В&amp;идалити</translation>
    </message>
    <message>
        <source>Delete the selected recipient (Delete)</source>
        <translation>Видалити вибраного адресата (Delete)</translation>
    </message>
    <message>
        <source>I&amp;mport…</source>
        <translation>І&amp;мпорт…</translation>
    </message>
    <message>
        <source>Import recipients from a CSV, Excel, European Parliament XML or YAML file (Ctrl+I): see what would be added, merged and skipped before anything is written</source>
        <translation>Імпортувати адресатів із файлу CSV, Excel, XML Європейського парламенту чи YAML (Ctrl+I): спершу видно, що буде додано, об’єднано й пропущено, а вже потім щось записується</translation>
    </message>
    <message>
        <source>Reloa&amp;d</source>
        <translation>Пе&amp;речитати</translation>
    </message>
    <message>
        <source>Read the recipient files again (F5), e.g. after editing them elsewhere</source>
        <translation>Прочитати файли адресатів знову (F5), напр. після редагування деінде</translation>
    </message>
    <message>
        <source>Ca&amp;tegory</source>
        <translation>Ка&amp;тегорія</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>Усі категорії</translation>
    </message>
    <message>
        <source>Loading recipients…</source>
        <translation>Завантаження адресатів…</translation>
    </message>
    <message>
        <source>Marked in the table: the Contact column of entries no letter can reach, and the Verified column of entries not checked at their source within the campaign&apos;s freshness_days (campaign.yaml).</source>
        <translation>Позначено в таблиці: стовпець «Контакт» — записи, до яких не дійде жоден лист, і стовпець «Перевірено» — записи, не звірені з джерелом протягом freshness_days кампанії (campaign.yaml).</translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation>Очистити пошук</translation>
    </message>
    <message>
        <source>Empty the search box (Esc in the box)</source>
        <translation>Спорожнити поле пошуку (Esc у полі)</translation>
    </message>
</context>
<context>
    <name>RowsModel</name>
    <message>
        <source>Row</source>
        <translation>Рядок</translation>
    </message>
</context>
<context>
    <name>SectionModel</name>
    <message>
        <source>hearing</source>
        <translation>засідання</translation>
    </message>
    <message>
        <source>decision</source>
        <translation>рішення</translation>
    </message>
    <message>
        <source>deadline</source>
        <translation>кінцевий строк</translation>
    </message>
    <message>
        <source>filing</source>
        <translation>подання</translation>
    </message>
    <message>
        <source>detention</source>
        <translation>затримання</translation>
    </message>
    <message>
        <source>statement</source>
        <translation>заява</translation>
    </message>
    <message>
        <source>other</source>
        <translation>інше</translation>
    </message>
    <message>
        <source>official</source>
        <translation>посадовець</translation>
    </message>
    <message>
        <source>parliamentarian</source>
        <translation>парламентар</translation>
    </message>
    <message>
        <source>UN</source>
        <translation>ООН</translation>
    </message>
    <message>
        <source>international organisation</source>
        <translation>міжнародна організація</translation>
    </message>
    <message>
        <source>NGO</source>
        <translation>ГО</translation>
    </message>
    <message>
        <source>activists</source>
        <translation>активісти</translation>
    </message>
    <message>
        <source>in the future</source>
        <translation>у майбутньому</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n день</numerusform>
            <numerusform>%n дні</numerusform>
            <numerusform>%n днів</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n month(s)</source>
        <translation>
            <numerusform>%n місяць</numerusform>
            <numerusform>%n місяці</numerusform>
            <numerusform>%n місяців</numerusform>
        </translation>
    </message>
    <message>
        <source>{years} years</source>
        <translation>{years} р.</translation>
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
        <translation>Подія ({lang})</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Джерела</translation>
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
        <translation>Станом на</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Давність</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Позначка</translation>
    </message>
    <message>
        <source>Title ({lang})</source>
        <translation>Заголовок ({lang})</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Пункти</translation>
    </message>
    <message>
        <source>Demand ({lang})</source>
        <translation>Вимога ({lang})</translation>
    </message>
    <message>
        <source>Name ({lang})</source>
        <translation>Ім’я ({lang})</translation>
    </message>
    <message>
        <source>Publisher ({lang})</source>
        <translation>Видавець ({lang})</translation>
    </message>
    <message>
        <source>Web address</source>
        <translation>Вебадреса</translation>
    </message>
    <message>
        <source>no date</source>
        <translation>без дати</translation>
    </message>
    <message>
        <source> — stale</source>
        <translation> — застаріло</translation>
    </message>
    <message numerus="yes">
        <source>Stated as of {date}: %n day(s) ago, more than the campaign&apos;s facts_stale_after_days ({limit}). A letter stating it as current may no longer be true: check it, then update its text and As of — or date it in the letter.</source>
        <translation>
            <numerusform>Станом на {date}: %n день тому, більше ніж facts_stale_after_days кампанії ({limit}). Лист, що подає це як актуальне, може вже бути неправдивим: перевірте, потім оновіть текст і «Станом на» — або вкажіть дату в листі.</numerusform>
            <numerusform>Станом на {date}: %n дні тому, більше ніж facts_stale_after_days кампанії ({limit}). Лист, що подає це як актуальне, може вже бути неправдивим: перевірте, потім оновіть текст і «Станом на» — або вкажіть дату в листі.</numerusform>
            <numerusform>Станом на {date}: %n днів тому, більше ніж facts_stale_after_days кампанії ({limit}). Лист, що подає це як актуальне, може вже бути неправдивим: перевірте, потім оновіть текст і «Станом на» — або вкажіть дату в листі.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SendDialog</name>
    <message>
        <source>Send letters by e-mail</source>
        <translation>Надіслати листи електронною поштою</translation>
    </message>
    <message>
        <source>This campaign has no letter templates yet: write one in the Compose tab.</source>
        <translation>У цій кампанії ще немає шаблонів листів: напишіть шаблон на вкладці «Лист».</translation>
    </message>
    <message>
        <source>Working out who gets this letter…</source>
        <translation>З’ясовуємо, хто отримає цей лист…</translation>
    </message>
    <message>
        <source>Building the first messages…</source>
        <translation>Складаємо перші повідомлення…</translation>
    </message>
    <message>
        <source>The messages cannot be built:</source>
        <translation>Повідомлення не вдається скласти:</translation>
    </message>
    <message>
        <source>Send letters</source>
        <translation>Надіслати листи</translation>
    </message>
    <message>
        <source>The password could not be read from the keyring.</source>
        <translation>Не вдалося прочитати пароль зі сховища паролів.</translation>
    </message>
    <message>
        <source>Password for {user} on {server}
(not stored):</source>
        <translation>Пароль для {user} на {server}
(не зберігається):</translation>
    </message>
    <message numerus="yes">
        <source>Checking the %n letter(s) to attach (writing any missing)…</source>
        <translation>
            <numerusform>Перевіряємо %n лист для вкладення (дописуємо відсутні)…</numerusform>
            <numerusform>Перевіряємо %n листи для вкладення (дописуємо відсутні)…</numerusform>
            <numerusform>Перевіряємо %n листів для вкладення (дописуємо відсутні)…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{done} of %n message(s)</source>
        <translation>
            <numerusform>{done} з %n повідомлення</numerusform>
            <numerusform>{done} з %n повідомлень</numerusform>
            <numerusform>{done} з %n повідомлень</numerusform>
        </translation>
    </message>
    <message>
        <source> · {failed} failed</source>
        <translation> · з помилкою: {failed}</translation>
    </message>
    <message>
        <source> · cancelling: the message being sent finishes…</source>
        <translation> · скасування: поточне повідомлення буде надіслано до кінця…</translation>
    </message>
    <message>
        <source> · Writing to {name}…</source>
        <translation> · Записуємо для {name}…</translation>
    </message>
    <message>
        <source> · Sending to {name}…</source>
        <translation> · Надсилаємо: {name}…</translation>
    </message>
    <message>
        <source>Cancelling: the message being sent finishes, the rest are not sent…</source>
        <translation>Скасування: поточне повідомлення буде надіслано до кінця, решту — ні…</translation>
    </message>
    <message>
        <source>Stop sending?</source>
        <translation>Зупинити надсилання?</translation>
    </message>
    <message>
        <source>Letters are still being sent. Stop now? The message being sent finishes; the rest are not sent and can be sent later.</source>
        <translation>Листи ще надсилаються. Зупинити зараз? Поточне повідомлення буде надіслано до кінця; решту не буде надіслано, їх можна надіслати пізніше.</translation>
    </message>
</context>
<context>
    <name>SendDialogLayout</name>
    <message>
        <source>Open Settin&amp;gs</source>
        <translation>Відкрити на&amp;лаштування</translation>
    </message>
    <message>
        <source>Fill in the mail server (SMTP) in the Settings tab</source>
        <translation>Укажіть поштовий сервер (SMTP) на вкладці «Налаштування»</translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation>П&amp;ереглянути</translation>
    </message>
    <message numerus="yes">
        <source>Show the first %n message(s) as they will be sent</source>
        <translation>
            <numerusform>Показати перше %n повідомлення так, як його буде надіслано</numerusform>
            <numerusform>Показати перші %n повідомлення так, як їх буде надіслано</numerusform>
            <numerusform>Показати перші %n повідомлень так, як їх буде надіслано</numerusform>
        </translation>
    </message>
    <message>
        <source>Write .&amp;eml files</source>
        <translation>Записати файли .&amp;eml</translation>
    </message>
    <message>
        <source>Dry run: write every message as an .eml file beside its letter, to open in a mail program; nothing is sent</source>
        <translation>Пробний запуск: записати кожне повідомлення у файл .eml поруч із листом, щоб відкрити в поштовій програмі; нічого не надсилається</translation>
    </message>
    <message>
        <source>&amp;Send…</source>
        <translation>&amp;Надіслати…</translation>
    </message>
    <message>
        <source>Asks for confirmation, then the password, then sends</source>
        <translation>Спершу просить підтвердження, потім пароль, потім надсилає</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Закрити</translation>
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
        <translation>А поки що «Переглянути» і «Записати файли .eml» покажуть, що саме буде надіслано.</translation>
    </message>
    <message>
        <source>No mail server is set up for this campaign, so nothing can be sent yet.</source>
        <translation>Для цієї кампанії не налаштовано поштовий сервер, тож поки нічого не можна надіслати.</translation>
    </message>
    <message>
        <source>Fill in the SMTP server, user name and From address in the Settings tab.</source>
        <translation>Укажіть сервер SMTP, ім’я користувача й адресу відправника на вкладці «Налаштування».</translation>
    </message>
    <message>
        <source>The sender still holds a new campaign&apos;s placeholders ({fields}), so nothing can be sent yet: put your organisation, address and signatories in the Settings tab.</source>
        <translation>Відправник досі містить заповнювачі нової кампанії ({fields}), тож поки нічого не можна надіслати: вкажіть свою організацію, адресу й підписантів на вкладці «Налаштування».</translation>
    </message>
    <message>
        <source>This campaign still writes as the bundled example&apos;s made-up sender, so nothing can be sent yet: put your organisation, address and signatories in the Settings tab and untick &quot;The bundled example&apos;s sender&quot; there.</source>
        <translation>Ця кампанія досі пише від вигаданого відправника з вбудованого прикладу, тож поки нічого не можна надіслати: вкажіть свою організацію, адресу й підписантів на вкладці «Налаштування» і зніміть там позначку «Відправник із вбудованого прикладу».</translation>
    </message>
    <message>
        <source>Nothing to send: {reason}.</source>
        <translation>Нічого надсилати: {reason}.</translation>
    </message>
    <message>
        <source> as {user}</source>
        <translation> від імені {user}</translation>
    </message>
    <message>
        <source>{count} already sent</source>
        <translation>уже надіслано: {count}</translation>
    </message>
    <message>
        <source>{count} uncertain (not sent again)</source>
        <translation>невідомо: {count} (повторно не надсилаються)</translation>
    </message>
    <message>
        <source>{count} uncertain</source>
        <translation>невідомо: {count}</translation>
    </message>
    <message>
        <source>{count} kept in out/sent/ as sent but not in the contact log (not sent again)</source>
        <translation>{count} збережено в out/sent/ як надіслані, але їх немає в журналі контактів (повторно не надіслано)</translation>
    </message>
    <message>
        <source>{count} being sent right now elsewhere (left to that send)</source>
        <translation>{count} саме зараз надсилаються деінде (залишено тому надсиланню)</translation>
    </message>
    <message>
        <source>{count} changed since they were sent (not sent again)</source>
        <translation>змінено після надсилання: {count} (повторно не надсилаються)</translation>
    </message>
    <message>
        <source>{count} without e-mail (post/web form)</source>
        <translation>без ел. пошти: {count} (пошта/вебформа)</translation>
    </message>
    <message>
        <source>Warning: {line}</source>
        <translation>Попередження: {line}</translation>
    </message>
    <message>
        <source>about {time}</source>
        <translation>близько {time}</translation>
    </message>
    <message>
        <source>under a minute</source>
        <translation>менше хвилини</translation>
    </message>
    <message>
        <source>At most {rate} per minute: {pace}.</source>
        <translation>Не більше {rate} за хвилину: {pace}.</translation>
    </message>
    <message>
        <source>From: {sender}
Server: {server}</source>
        <translation>Від: {sender}
Сервер: {server}</translation>
    </message>
    <message>
        <source>Account: {user}</source>
        <translation>Обліковий запис: {user}</translation>
    </message>
    <message>
        <source>Template: {template}</source>
        <translation>Шаблон: {template}</translation>
    </message>
    <message>
        <source>Each letter is recorded in the contact log as it goes.</source>
        <translation>Кожен лист записується в журнал контактів, щойно його надіслано.</translation>
    </message>
</context>
<context>
    <name>SendPreview</name>
    <message>
        <source>Preview shows the first messages exactly as they will be sent. Write .eml files is a dry run of all of them. Nothing leaves this computer until you press Send and confirm.</source>
        <translation>«Переглянути» показує перші повідомлення точно так, як їх буде надіслано. «Записати файли .eml» — пробний запуск для всіх. Ніщо не залишить цей комп’ютер, доки ви не натиснете «Надіслати» й не підтвердите.</translation>
    </message>
    <message>
        <source>{size} kB</source>
        <translation>{size} КБ</translation>
    </message>
    <message>
        <source>none</source>
        <translation>немає</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>Від:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>Кому:</translation>
    </message>
    <message>
        <source>Reply-To:</source>
        <translation>Відповідати:</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>Тема:</translation>
    </message>
    <message>
        <source>Attached:</source>
        <translation>Вкладення:</translation>
    </message>
</context>
<context>
    <name>SettingsFieldWidgets</name>
    <message>
        <source>STARTTLS (usually port 587)</source>
        <translation>STARTTLS (зазвичай порт 587)</translation>
    </message>
    <message>
        <source>SSL/TLS (usually port 465)</source>
        <translation>SSL/TLS (зазвичай порт 465)</translation>
    </message>
    <message>
        <source>US Letter</source>
        <translation>US Letter (американський)</translation>
    </message>
    <message>
        <source>your computer account&apos;s name</source>
        <translation>ім’я вашого облікового запису на комп’ютері</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Ви</translation>
    </message>
    <message>
        <source>e.g. Anna K. (if empty: {name})</source>
        <translation>напр. Анна К. (якщо порожньо: {name})</translation>
    </message>
    <message>
        <source>Recorded with every letter you generate, send or mark, so a coordinator knows who did what</source>
        <translation>Записується з кожним листом, який ви створюєте, надсилаєте чи позначаєте, щоб координатор знав, хто що зробив</translation>
    </message>
    <message>
        <source>Your name:</source>
        <translation>Ваше ім’я:</translation>
    </message>
    <message>
        <source>Recorded in the contact log. Kept on this computer, not in campaign.yaml.</source>
        <translation>Записується в журнал контактів. Зберігається на цьому комп’ютері, а не в campaign.yaml.</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Як у системі</translation>
    </message>
    <message>
        <source>Window language:</source>
        <translation>Мова вікна:</translation>
    </message>
    <message>
        <source>The window speaks the language chosen here from its next start.</source>
        <translation>Вибрана тут мова діятиме з наступного запуску програми.</translation>
    </message>
    <message>
        <source>Letters</source>
        <translation>Листи</translation>
    </message>
    <message>
        <source> days</source>
        <translation> дн.</translation>
    </message>
    <message>
        <source>A contact without a reply is due for a follow-up after this many days</source>
        <translation>Через стільки днів без відповіді пора надіслати нагадування</translation>
    </message>
    <message>
        <source>Used for any text that has no version in a letter&apos;s language</source>
        <translation>Використовується для текстів, яких немає мовою листа</translation>
    </message>
    <message>
        <source>Paper si&amp;ze:</source>
        <translation>Формат папер&amp;у:</translation>
    </message>
    <message>
        <source>Fo&amp;llow up after:</source>
        <translation>Нагадувати &amp;через:</translation>
    </message>
    <message>
        <source>Default lan&amp;guage:</source>
        <translation>Мова за замовчуванн&amp;ям:</translation>
    </message>
    <message>
        <source>Sending e-mail (SMTP)</source>
        <translation>Надсилання пошти (SMTP)</translation>
    </message>
    <message>
        <source>Letters are sent over TLS only (STARTTLS or SSL/TLS), never in plain text.</source>
        <translation>Листи надсилаються лише через TLS (STARTTLS або SSL/TLS), ніколи відкритим текстом.</translation>
    </message>
    <message>
        <source>smtp.example.org</source>
        <translation>smtp.example.org</translation>
    </message>
    <message>
        <source>usually your e-mail address</source>
        <translation>зазвичай ваша адреса ел. пошти</translation>
    </message>
    <message>
        <source>the address letters are sent from</source>
        <translation>адреса, з якої надсилаються листи</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>необов’язково</translation>
    </message>
    <message>
        <source> e-mails per minute</source>
        <translation> листів за хвилину</translation>
    </message>
    <message>
        <source>Sending slowly keeps the provider from taking the account for a spammer</source>
        <translation>Повільне надсилання не дає поштовому провайдерові прийняти обліковий запис за спамера</translation>
    </message>
    <message>
        <source>Server (hos&amp;t):</source>
        <translation>Сервер (&amp;хост):</translation>
    </message>
    <message>
        <source>Security:</source>
        <translation>Захист:</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Порт:</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>Користувач:</translation>
    </message>
    <message>
        <source>Fro&amp;m:</source>
        <translation>В&amp;ід:</translation>
    </message>
    <message>
        <source>Reply-to:</source>
        <translation>Відповідати на:</translation>
    </message>
    <message>
        <source>Send at most:</source>
        <translation>Надсилати не більше:</translation>
    </message>
    <message>
        <source>SMTP password</source>
        <translation>Пароль SMTP</translation>
    </message>
    <message>
        <source>Keyring in use: checking…</source>
        <translation>Сховище паролів: перевіряємо…</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>Перевірити знову</translation>
    </message>
    <message>
        <source>Look at the system keyring again (after unlocking it, for example)</source>
        <translation>Знову звернутися до системного сховища паролів (наприклад, після його розблокування)</translation>
    </message>
    <message>
        <source>to store in the keyring</source>
        <translation>для сховища</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Парол&amp;ь:</translation>
    </message>
    <message>
        <source>Store in &amp;keyring</source>
        <translation>&amp;Зберегти у сховищі</translation>
    </message>
    <message>
        <source>Forget</source>
        <translation>Забути</translation>
    </message>
    <message>
        <source>Remove this account&apos;s password from the keyring</source>
        <translation>Видалити пароль цього облікового запису зі сховища паролів</translation>
    </message>
    <message>
        <source>Ask for the password each time I se&amp;nd (never store it)</source>
        <translation>Питати пароль &amp;щоразу під час надсилання (ніколи не зберігати)</translation>
    </message>
    <message>
        <source>Saved in campaign.yaml as &apos;password: ask&apos;: a choice, not a password</source>
        <translation>Зберігається в campaign.yaml як «password: ask»: це вибір, а не пароль</translation>
    </message>
</context>
<context>
    <name>SettingsForm</name>
    <message>
        <source>Organ&amp;isation</source>
        <translation>&amp;Організація</translation>
    </message>
    <message>
        <source>A&amp;ddress</source>
        <translation>Ад&amp;реса</translation>
    </message>
    <message>
        <source>Cit&amp;y</source>
        <translation>&amp;Місто</translation>
    </message>
    <message>
        <source>Street and number
Postcode City
Country</source>
        <translation>Вулиця й номер будинку
Індекс Місто
Країна</translation>
    </message>
    <message>
        <source>The same text in every language</source>
        <translation>Той самий текст для всіх мов</translation>
    </message>
    <message>
        <source>campaign.yaml cannot be edited here until it is corrected:</source>
        <translation>campaign.yaml не можна редагувати тут, доки його не виправлено:</translation>
    </message>
    <message>
        <source>the organisation is empty — every letter needs a sender</source>
        <translation>організацію не вказано — кожному листу потрібен відправник</translation>
    </message>
    <message>
        <source>Choose the letterhead logo</source>
        <translation>Виберіть логотип для бланка</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>Зображення (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>Correct the marked fields to save.</source>
        <translation>Щоб зберегти, виправте позначені поля.</translation>
    </message>
    <message>
        <source>Unsaved changes.</source>
        <translation>Незбережені зміни.</translation>
    </message>
    <message>
        <source>{port} (the default)</source>
        <translation>{port} (за замовчуванням)</translation>
    </message>
    <message>
        <source>(no organisation)</source>
        <translation>(без організації)</translation>
    </message>
</context>
<context>
    <name>SettingsKeyring</name>
    <message>
        <source>none</source>
        <translation>немає</translation>
    </message>
    <message>
        <source> ({state}: not used)</source>
        <translation> ({state}: не використовується)</translation>
    </message>
    <message>
        <source>Keyring in use: {keyring}</source>
        <translation>Сховище паролів: {keyring}</translation>
    </message>
    <message>
        <source>Looking at the system keyring…</source>
        <translation>Звертаємося до системного сховища паролів…</translation>
    </message>
    <message>
        <source>The password will be asked for each time you send, and never saved.</source>
        <translation>Пароль питатимуть під час кожного надсилання й ніколи не зберігатимуть.</translation>
    </message>
    <message>
        <source>Nothing is stored: the password will be asked for each time you send.</source>
        <translation>Нічого не зберігається: пароль питатимуть під час кожного надсилання.</translation>
    </message>
    <message>
        <source>Enter the server and the user name to store a password for that account.</source>
        <translation>Укажіть сервер та ім’я користувача, щоб зберегти пароль для цього облікового запису.</translation>
    </message>
    <message>
        <source>A password for {account} is stored in the keyring.</source>
        <translation>Пароль для {account} збережено у сховищі паролів.</translation>
    </message>
    <message>
        <source>No password is stored for {account} yet.</source>
        <translation>Для {account} пароль ще не збережено.</translation>
    </message>
    <message>
        <source>Stored in the keyring.</source>
        <translation>Збережено у сховищі паролів.</translation>
    </message>
    <message>
        <source>Removed from the keyring.</source>
        <translation>Видалено зі сховища паролів.</translation>
    </message>
</context>
<context>
    <name>SettingsTab</name>
    <message>
        <source>Your name is saved: {name}.</source>
        <translation>Ваше ім’я збережено: {name}.</translation>
    </message>
    <message>
        <source>Your name is cleared.</source>
        <translation>Ваше ім’я видалено.</translation>
    </message>
    <message>
        <source>Saved: the window speaks {language} from its next start.</source>
        <translation>Збережено: мова вікна — {language}, з наступного запуску.</translation>
    </message>
    <message>
        <source>Saved: from its next start the window follows the system&apos;s language.</source>
        <translation>Збережено: з наступного запуску вікно матиме мову системи.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Збереження…</translation>
    </message>
    <message>
        <source>Saved campaign.yaml at {time}.</source>
        <translation>campaign.yaml збережено о {time}.</translation>
    </message>
    <message>
        <source>Not saved: campaign.yaml is unchanged.</source>
        <translation>Не збережено: campaign.yaml не змінено.</translation>
    </message>
    <message>
        <source>Not saved.</source>
        <translation>Не збережено.</translation>
    </message>
</context>
<context>
    <name>SettingsWidgets</name>
    <message>
        <source>Revert</source>
        <translation>Повернути</translation>
    </message>
    <message>
        <source>Forget the changes not saved yet</source>
        <translation>Відкинути ще не збережені зміни</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Зберегти</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>Зберегти налаштування</translation>
    </message>
    <message>
        <source>Write campaign.yaml ({keys})</source>
        <translation>Записати campaign.yaml ({keys})</translation>
    </message>
    <message>
        <source>Sender</source>
        <translation>Відправник</translation>
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
        <translation>images/logo.png (PNG або JPEG у теці кампанії)</translation>
    </message>
    <message>
        <source>Choose the logo printed at the top of every letter</source>
        <translation>Вибрати логотип, який друкується вгорі кожного листа</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>&amp;Ел. пошта:</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Телефон:</translation>
    </message>
    <message>
        <source>Website:</source>
        <translation>Вебсайт:</translation>
    </message>
    <message>
        <source>The bundled e&amp;xample&apos;s sender</source>
        <translation>Відправник із в&amp;будованого прикладу</translation>
    </message>
    <message>
        <source>While ticked, letters are marked EXAMPLE and never sent: untick it once the sender above is your own.</source>
        <translation>Доки позначено, листи мають позначку «ЗРАЗОК» (в англійських листах — EXAMPLE) і ніколи не надсилаються: зніміть позначку, щойно відправник вище стане вашим власним.</translation>
    </message>
    <message>
        <source>Choose image…</source>
        <translation>Вибрати зображення…</translation>
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
        <translation>Друкується вгорі кожного листа, із даних відправника вище.</translation>
    </message>
    <message>
        <source>Language of the letterhead preview</source>
        <translation>Мова попереднього перегляду бланка</translation>
    </message>
    <message>
        <source>Signatories</source>
        <translation>Підписанти</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>Додат&amp;и</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Вилучити</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Вище</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Нижче</translation>
    </message>
    <message>
        <source>F2 or double-click to edit. They sign in this order.</source>
        <translation>F2 або подвійне клацання — редагувати. Підписують у такому порядку.</translation>
    </message>
</context>
<context>
    <name>SignatoryModel</name>
    <message>
        <source>Signature image</source>
        <translation>Зразок підпису</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Ім’я</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Роль</translation>
    </message>
    <message>
        <source>A PNG or JPEG in the campaign folder (e.g. images/signature.png), set above the name</source>
        <translation>PNG або JPEG у теці кампанії (напр. images/signature.png), розміщується над ім’ям</translation>
    </message>
    <message>
        <source>The same text in every language</source>
        <translation>Той самий текст для всіх мов</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>failed</source>
        <translation>помилка</translation>
    </message>
    <message>
        <source>uncertain</source>
        <translation>невідомо</translation>
    </message>
    <message>
        <source>not sent</source>
        <translation>не надіслано</translation>
    </message>
    <message>
        <source>kept as sent, not in the log</source>
        <translation>збережено як надісланий, немає в журналі</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>надіслано</translation>
    </message>
    <message>
        <source>written</source>
        <translation>записано</translation>
    </message>
    <message>
        <source>by hand</source>
        <translation>вручну</translation>
    </message>
    <message>
        <source>uncertain, not sent again</source>
        <translation>невідомо, повторно не надіслано</translation>
    </message>
    <message>
        <source>printed</source>
        <translation>надруковано</translation>
    </message>
    <message>
        <source>already sent</source>
        <translation>уже надіслано</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Адресат</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Адреса</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Результат</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Подробиці</translation>
    </message>
    <message>
        <source>Letter file</source>
        <translation>Файл листа</translation>
    </message>
    <message>
        <source>Open fold&amp;er</source>
        <translation>Відкрити &amp;теку</translation>
    </message>
    <message>
        <source>Show the letters (and .eml files) in the file manager</source>
        <translation>Показати листи (і файли .eml) у файловому менеджері</translation>
    </message>
    <message>
        <source>Nothing was sent.</source>
        <translation>Нічого не надіслано.</translation>
    </message>
    <message>
        <source>The batch stopped: {reason}</source>
        <translation>Розсилку зупинено: {reason}</translation>
    </message>
    <message>
        <source>{count} {outcome}</source>
        <translation>{outcome}: {count}</translation>
    </message>
    <message numerus="yes">
        <source>%n recipient(s) without an e-mail address: print or upload their letter (Letter file column, in {folder}), then mark them sent by post or web form in the Outreach tab.</source>
        <translation>
            <numerusform>%n адресат без адреси ел. пошти: надрукуйте або завантажте його лист (стовпець «Файл листа», у {folder}), потім позначте як надісланий поштою чи через вебформу на вкладці «Контакти».</numerusform>
            <numerusform>%n адресати без адреси ел. пошти: надрукуйте або завантажте їхні листи (стовпець «Файл листа», у {folder}), потім позначте як надіслані поштою чи через вебформу на вкладці «Контакти».</numerusform>
            <numerusform>%n адресатів без адреси ел. пошти: надрукуйте або завантажте їхні листи (стовпець «Файл листа», у {folder}), потім позначте як надіслані поштою чи через вебформу на вкладці «Контакти».</numerusform>
        </translation>
    </message>
    <message>
        <source>The .eml files are beside the letters in {folder}.</source>
        <translation>Файли .eml лежать поруч із листами в {folder}.</translation>
    </message>
    <message>
        <source>to send it anyway, tick “Resend letters whose sending was interrupted”</source>
        <translation>щоб усе ж надіслати, позначте «Повторно надіслати листи, надсилання яких перервалося»</translation>
    </message>
    <message>
        <source>the new version is sent from the command line: {command} --resend {id}</source>
        <translation>нову версію надсилають із командного рядка: {command} --resend {id}</translation>
    </message>
    <message numerus="yes">
        <source>Dry run: %n message(s) written as .eml files in {time}; nothing was sent.</source>
        <translation>
            <numerusform>Пробний запуск: %n повідомлення записано у файли .eml за {time}; нічого не надіслано.</numerusform>
            <numerusform>Пробний запуск: %n повідомлення записано у файли .eml за {time}; нічого не надіслано.</numerusform>
            <numerusform>Пробний запуск: %n повідомлень записано у файли .eml за {time}; нічого не надіслано.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stopped: {done} of %n letter(s) sent in {time}.</source>
        <translation>
            <numerusform>Зупинено: надіслано {done} з %n листа за {time}.</numerusform>
            <numerusform>Зупинено: надіслано {done} з %n листів за {time}.</numerusform>
            <numerusform>Зупинено: надіслано {done} з %n листів за {time}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancelled: {done} of %n letter(s) sent in {time}; Send again to send the rest.</source>
        <translation>
            <numerusform>Скасовано: надіслано {done} з %n листа за {time}; натисніть «Надіслати» ще раз, щоб надіслати решту.</numerusform>
            <numerusform>Скасовано: надіслано {done} з %n листів за {time}; натисніть «Надіслати» ще раз, щоб надіслати решту.</numerusform>
            <numerusform>Скасовано: надіслано {done} з %n листів за {time}; натисніть «Надіслати» ще раз, щоб надіслати решту.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Finished: {done} of %n letter(s) sent in {time}; see the problems below.</source>
        <translation>
            <numerusform>Готово: надіслано {done} з %n листа за {time}; проблеми див. нижче.</numerusform>
            <numerusform>Готово: надіслано {done} з %n листів за {time}; проблеми див. нижче.</numerusform>
            <numerusform>Готово: надіслано {done} з %n листів за {time}; проблеми див. нижче.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Finished: %n letter(s) sent in {time}.</source>
        <translation>
            <numerusform>Готово: %n лист надіслано за {time}.</numerusform>
            <numerusform>Готово: %n листи надіслано за {time}.</numerusform>
            <numerusform>Готово: %n листів надіслано за {time}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TeamLogBox</name>
    <message>
        <source>Team&apos;s contact log</source>
        <translation>Журнал контактів команди</translation>
    </message>
    <message>
        <source>Empty: the log is campaign.db in the campaign folder. A team shares one log on PostgreSQL: paste the address your coordinator gave you.</source>
        <translation>Порожньо: журнал — це campaign.db у теці кампанії. Команда веде один спільний журнал у PostgreSQL: вставте адресу, яку дав вам координатор.</translation>
    </message>
    <message>
        <source>Team&apos;s database address</source>
        <translation>Адреса бази даних команди</translation>
    </message>
    <message>
        <source>Database address:</source>
        <translation>Адреса бази даних:</translation>
    </message>
    <message>
        <source>your own database password</source>
        <translation>ваш власний пароль до бази даних</translation>
    </message>
    <message>
        <source>Team database password</source>
        <translation>Пароль до бази даних команди</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Пароль:</translation>
    </message>
    <message>
        <source>Check and keep</source>
        <translation>Перевірити й зберегти</translation>
    </message>
    <message>
        <source>Connect to the team&apos;s database with this password, then keep it in the system keyring</source>
        <translation>Підʼєднатися до бази даних команди з цим паролем, а тоді зберегти його в системному сховищі паролів</translation>
    </message>
    <message>
        <source>No database password: the log is on this computer.</source>
        <translation>Пароль до бази даних не потрібен: журнал на цьому компʼютері.</translation>
    </message>
    <message>
        <source>No system keyring can keep the password here: {what}</source>
        <translation>Жодне системне сховище паролів не може зберегти пароль тут: {what}</translation>
    </message>
    <message>
        <source>Connecting to {server}…</source>
        <translation>Підʼєднання до {server}…</translation>
    </message>
    <message>
        <source>The server took the password of {user}; it is kept in the system keyring.</source>
        <translation>Сервер прийняв пароль {user}; його збережено в системному сховищі паролів.</translation>
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
        <translation>для цієї справи ще ніхто нічого не записав</translation>
    </message>
    <message>
        <source>sending to {names}</source>
        <translation>надсилає: {names}</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Учасник</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Надіслано</translation>
    </message>
    <message>
        <source>Replied</source>
        <translation>Відповіли</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Помилки</translation>
    </message>
    <message>
        <source>Drafts</source>
        <translation>Чернетки</translation>
    </message>
    <message>
        <source>Last activity (UTC)</source>
        <translation>Остання дія (UTC)</translation>
    </message>
    <message>
        <source>Sending now</source>
        <translation>Надсилає зараз</translation>
    </message>
</context>
<context>
    <name>TemplateListModel</name>
    <message>
        <source>Title</source>
        <translation>Назва</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Lang.</source>
        <translation>Мова</translation>
    </message>
    <message>
        <source>error</source>
        <translation>помилка</translation>
    </message>
    <message>
        <source>{title}
{file} · audience: {audience}</source>
        <translation>{title}
{file} · адресати: {audience}</translation>
    </message>
</context>
<context>
    <name>TranslationActions</name>
    <message>
        <source>Save or revert your changes to the case before exporting it for translation.</source>
        <translation>Збережіть або скасуйте свої зміни у справі, перш ніж експортувати її для перекладу.</translation>
    </message>
    <message>
        <source>Export for translation</source>
        <translation>Експорт для перекладу</translation>
    </message>
    <message>
        <source>Translate the case&apos;s texts into (a language code such as pl, de or fr):</source>
        <translation>Перекласти тексти справи мовою (код мови, напр. pl, de або fr):</translation>
    </message>
    <message>
        <source>PO files (*.po)</source>
        <translation>Файли PO (*.po)</translation>
    </message>
    <message>
        <source>Wrote {count} case texts to translate from {source} into {language} to {file} ({translated} already translated). Send the file to the translator; bring the translation back with Import translation….</source>
        <translation>Записано текстів справи для перекладу з {source} на {language}: {count}, у файл {file} (уже перекладено: {translated}). Надішліть файл перекладачеві; переклад поверніть кнопкою «Імпортувати переклад…».</translation>
    </message>
    <message>
        <source>Save or revert your changes to the case before importing a translation.</source>
        <translation>Збережіть або скасуйте зміни у справі перед імпортом перекладу.</translation>
    </message>
    <message>
        <source>Import translation</source>
        <translation>Імпорт перекладу</translation>
    </message>
    <message>
        <source>Imported {imported} {language} texts into the case; {unchanged} unchanged, {fuzzy} skipped as fuzzy, {empty} skipped as empty, {stale} stale (not imported).</source>
        <translation>Імпортовано текстів мовою {language} до справи: {imported}; без змін: {unchanged}, пропущено як неточні (fuzzy): {fuzzy}, пропущено як порожні: {empty}, застарілих (не імпортовано): {stale}.</translation>
    </message>
    <message>
        <source>Translation</source>
        <translation>Переклад</translation>
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
