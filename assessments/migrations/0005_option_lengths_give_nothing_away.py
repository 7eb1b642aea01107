"""Rewrites option texts of the standard battery's situations and skills so that the keyed option is
no longer, as it was in 14–15 of 16 items per language, the longest one: a test-wise candidate who
picked the longest answer scored at the top. Keys, scores and `correct` stay as they were.

Frozen copies (standard library only): the data files may change later without changing what this
migration writes. A fresh install already loads these texts in 0002; there this is a no-op.
"""

from django.db import migrations

SLUG = "service-profile-standard"

# (item key, option key) -> text per language
NEW_TEXTS = {
    ("policy-01", "d"): {
        "en": "She can return it, but as she has only changed her mind and the kettle isn’t faulty, she gets a gift card for the amount instead of her money back.",
        "da": "Hun kan returnere den, men da hun blot har fortrudt, og elkedlen ikke er defekt, får hun et tilgodebevis på beløbet i stedet for pengene retur.",
        "nb": "Hun kan returnere den, men siden hun bare har ombestemt seg og vannkokeren ikke er defekt, får hun en tilgodelapp på beløpet i stedet for pengene tilbake.",
        "sv": "Hon kan returnera den, men eftersom hon bara har ångrat sig och vattenkokaren inte är trasig får hon ett tillgodokvitto på beloppet i stället för pengarna tillbaka.",
    },
    ("policy-02", "b"): {
        "en": "Ask for her husband’s date of birth, address and customer number. If she gets all three right, she clearly knows the account well, so help her with both the invoice amount and the new e-mail address.",
        "da": "Du beder om hendes mands fødselsdato, adresse og kundenummer. Svarer hun rigtigt på alle tre, kender hun tydeligvis kontoen godt, så du hjælper hende med både fakturabeløbet og den nye e-mailadresse.",
        "nb": "Du ber om ektemannens fødselsdato, adresse og kundenummer. Svarer hun riktig på alle tre, kjenner hun tydeligvis kontoen godt, så du hjelper henne med både fakturabeløpet og den nye e-postadressen.",
        "sv": "Du ber om makens födelsedatum, adress och kundnummer. Om hon svarar rätt på alla tre känner hon uppenbarligen till kontot väl, så du hjälper henne med både fakturabeloppet och den nya e-postadressen.",
    },
    ("policy-02", "d"): {
        "en": "Explain kindly that without a power of attorney on the account you can neither give out nor change anything, and tell her how her husband can contact you or give her one.",
        "da": "Du forklarer venligt, at du hverken kan oplyse eller ændre noget, når hun ikke har fuldmagt til kontoen, og fortæller, hvordan hendes mand kan kontakte jer eller give hende fuldmagt.",
        "nb": "Du forklarer vennlig at du verken kan gi ut eller endre noe når hun ikke har fullmakt til kontoen, og forteller hvordan ektemannen kan kontakte dere eller gi henne fullmakt.",
        "sv": "Du förklarar vänligt att du varken kan lämna ut eller ändra något när hon inte har fullmakt för kontot, och berättar hur hennes man kan kontakta er eller ge henne fullmakt.",
    },
    ("policy-03", "c"): {
        "en": "Only the 100 kr gift card. The delay was caused by the carrier, not the shop, so the 49 kr delivery charge is not refunded.",
        "da": "Kun gavekortet på 100 kr. Forsinkelsen skyldtes fragtfirmaet og ikke butikken, så de 49 kr. for fragten bliver ikke refunderet.",
        "nb": "Bare gavekortet på 100 kr. Forsinkelsen skyldtes transportøren og ikke butikken, så de 49 kr for frakten blir ikke refundert.",
        "sv": "Bara presentkortet på 100 kr. Förseningen berodde på transportören och inte butiken, så fraktavgiften på 49 kr betalas inte tillbaka.",
    },
    ("sjt-01", "a"): {
        "en": "Apologise for the runaround and briefly explain which department handles which part: billing for the double invoice, field service for the missed visit. Then transfer her straight to billing with a note on the case, so that she doesn’t have to explain everything again.",
        "da": "Beklag, at hun er blevet sendt rundt, og forklar kort, hvilken afdeling der tager sig af hvad: fakturering af den dobbelte regning og teknikerafdelingen af det manglende besøg. Stil hende derefter direkte om til fakturering med en note på sagen, så hun ikke skal forklare det hele igen.",
        "nb": "Beklag at hun har blitt sendt rundt, og forklar kort hvilken avdeling som tar seg av hva: fakturaavdelingen den doble fakturaen og teknikeravdelingen det uteblitte besøket. Sett henne deretter direkte over til fakturaavdelingen med et notat i saken, så hun slipper å forklare alt på nytt.",
        "sv": "Be om ursäkt för att hon har blivit skickad runt och förklara kort vilken avdelning som hanterar vad: fakturaavdelningen den dubbla fakturan och teknikeravdelningen det uteblivna besöket. Koppla henne sedan direkt till fakturaavdelningen med en anteckning i ärendet, så att hon slipper förklara allt igen.",
    },
    ("sjt-01", "b"): {
        "en": "Tell her you will take charge of the whole case. Repeat the three problems back to check you have them all, open one case covering them, contact billing and field service yourself, and agree a time to call her back with an update.",
        "da": "Sig, at du tager hånd om hele sagen. Gentag de tre problemer for at sikre, at du har det hele med, opret én samlet sag, kontakt selv fakturering og teknikerafdelingen, og aftal et tidspunkt, hvor du ringer hende op med en status.",
        "nb": "Si at du tar ansvar for hele saken. Gjenta de tre problemene for å være sikker på at du har fått med deg alt, opprett én samlet sak, kontakt selv fakturaavdelingen og teknikeravdelingen, og avtal når du ringer henne tilbake med en status.",
        "sv": "Säg att du tar ansvar för hela ärendet. Upprepa de tre problemen så att du vet att du har fått med allt, lägg upp ett samlat ärende, kontakta själv fakturaavdelningen och teknikeravdelningen, och bestäm en tid när du ringer upp henne med en lägesrapport.",
    },
    ("sjt-02", "c"): {
        "en": "Apologise that the app isn’t working properly and explain that other customers have reported the same error since last week’s update. Tell him that the developers are working on a fix, which should be ready within a few days, and suggest that he tries again after the next update.",
        "da": "Beklag, at appen ikke virker ordentligt, og forklar, at andre kunder har meldt om samme fejl siden sidste uges opdatering. Fortæl, at udviklerne arbejder på en rettelse, som gerne skulle være klar inden for et par dage, og foreslå, at han prøver igen efter næste opdatering.",
        "nb": "Beklag at appen ikke fungerer som den skal, og forklar at andre kunder har meldt om samme feil siden oppdateringen forrige uke. Si at utviklerne jobber med en rettelse som etter planen er klar i løpet av noen dager, og foreslå at han prøver igjen etter neste oppdatering.",
        "sv": "Be om ursäkt för att appen inte fungerar som den ska och förklara att andra kunder har rapporterat samma fel sedan förra veckans uppdatering. Berätta att utvecklarna arbetar på en rättning som ska vara klar inom några dagar, och föreslå att han försöker igen efter nästa uppdatering.",
    },
    ("sjt-02", "d"): {
        "en": "Acknowledge the time he has already spent and don’t send him back to the app. Ask what the error message said, update the card for him in your system, and report the app error with those details so that it can be fixed.",
        "da": "Anerkend, at han allerede har brugt meget tid, og send ham ikke tilbage til appen. Spørg, hvad fejlmeddelelsen sagde, opdatér kortet for ham i dit system, og meld fejlen i appen videre med detaljerne, så den kan blive rettet.",
        "nb": "Vis forståelse for tiden han allerede har brukt, og ikke send ham tilbake til appen. Spør hva feilmeldingen sa, oppdater kortet for ham i systemet ditt, og meld inn feilen i appen med detaljene, så den kan bli rettet.",
        "sv": "Visa förståelse för tiden han redan har lagt, och skicka inte tillbaka honom till appen. Fråga vad felmeddelandet sa, uppdatera kortet åt honom i ditt system och rapportera felet i appen med detaljerna så att det kan åtgärdas.",
    },
    ("sjt-03", "a"): {
        "en": "First answer his question about the bill properly. Once he is satisfied, mention the pattern you have noticed, compare the larger plan’s price with what he has paid in extra charges, and let him decide.",
        "da": "Svar først ordentligt på hans spørgsmål om regningen. Når han er tilfreds, så nævn det mønster, du har set, sammenlign prisen på det større abonnement med det, han har betalt ekstra, og lad ham selv bestemme.",
        "nb": "Svar først skikkelig på spørsmålet hans om regningen. Når han er fornøyd, nevn mønsteret du har sett, sammenlign prisen på det større abonnementet med det han har betalt ekstra, og la ham bestemme selv.",
        "sv": "Svara först ordentligt på hans fråga om fakturan. När han är nöjd, berätta om mönstret du har sett, jämför vad det större abonnemanget kostar med vad han har betalat extra, och låt honom bestämma själv.",
    },
    ("sjt-03", "b"): {
        "en": "Offer him the larger plan straight away as the solution to the high bill. Point out that he has paid around 150 kr extra in each of the last four months, and that the larger plan costs only 60 kr more, so it will clearly save him money.",
        "da": "Tilbyd ham med det samme det større abonnement som løsningen på den høje regning. Påpeg, at han har betalt omkring 150 kr. ekstra i hver af de sidste fire måneder, og at det større abonnement kun koster 60 kr. mere, så han tydeligvis vil spare penge.",
        "nb": "Tilby ham det større abonnementet med en gang som løsningen på den høye regningen. Påpek at han har betalt rundt 150 kr ekstra hver av de siste fire månedene, og at det større abonnementet bare koster 60 kr mer, så han helt klart vil spare penger.",
        "sv": "Erbjud honom direkt det större abonnemanget som lösningen på den höga fakturan. Påpeka att han har betalat ungefär 150 kr extra var och en av de senaste fyra månaderna och att det större abonnemanget bara kostar 60 kr mer, så att han uppenbart sparar pengar.",
    },
    ("sjt-04", "b"): {
        "en": "Ask your team lead to put a message about the outage on the phone line, and stop taking calls until the system is back up. Use the time to read up on the latest product changes, so that you are ready when it returns and don’t give customers wrong answers in the meantime.",
        "da": "Bed din teamleder om at lægge en besked om nedbruddet på telefonlinjen, og stop med at tage opkald, indtil systemet er oppe igen. Brug tiden på at læse op på de seneste produktændringer, så du er klar, når det virker igen, og ikke giver kunderne forkerte svar i mellemtiden.",
        "nb": "Be teamlederen om å legge ut en melding om driftsavbruddet på telefonlinjen, og slutt å ta samtaler til systemet er oppe igjen. Bruk tiden på å lese deg opp på de siste produktendringene, så du er klar når det virker igjen og ikke gir kundene feil svar i mellomtiden.",
        "sv": "Be din teamledare att lägga in ett meddelande om driftstörningen i telefonkön och sluta ta samtal tills systemet är uppe igen. Använd tiden till att läsa på om de senaste produktändringarna, så att du är redo när det fungerar igen och inte ger kunderna felaktiga svar under tiden.",
    },
    ("sjt-04", "c"): {
        "en": "Keep taking calls and be open about the problem. Solve what you can without the system; for the rest, note name, number and question in a shared list and promise a call-back. Tell your team lead how many need follow-up and suggest a message on the line.",
        "da": "Bliv ved med at tage opkald, og vær ærlig om problemet. Løs det, du kan uden systemet; for resten noterer du navn, nummer og spørgsmål på en fælles liste og lover et opkald. Fortæl din teamleder, hvor mange der skal følges op på, og foreslå en besked på linjen.",
        "nb": "Fortsett å ta samtaler, og vær åpen om problemet. Løs det du kan uten systemet; for resten noterer du navn, nummer og spørsmål på en felles liste og lover at de blir ringt opp. Si fra til teamlederen hvor mange som må følges opp, og foreslå en melding på linjen.",
        "sv": "Fortsätt ta samtal och var öppen med problemet. Lös det du kan utan systemet; för resten skriver du upp namn, nummer och fråga på en gemensam lista och lovar att de blir uppringda. Säg till teamledaren hur många som behöver följas upp och föreslå ett meddelande i kön.",
    },
    ("sjt-06", "a"): {
        "en": "Listen to her, check the facts (purchase date, condition, customer history) and explain the policy honestly. As the case is unusual, ask your team lead for an exception or offer store credit, and tell her clearly what you can do and when you will be back to her.",
        "da": "Lyt til hende, tjek fakta (købsdato, stand, kundehistorik), og forklar reglerne ærligt. Da situationen er særlig, så bed din teamleder om en undtagelse, eller tilbyd et tilgodebevis, og fortæl hende tydeligt, hvad du kan gøre, og hvornår du vender tilbage.",
        "nb": "Lytt til henne, sjekk fakta (kjøpsdato, tilstand, kundehistorikk), og forklar reglene ærlig. Siden situasjonen er spesiell, be teamlederen om et unntak eller tilby et tilgodebevis, og si tydelig hva du kan gjøre og når du kommer tilbake til henne.",
        "sv": "Lyssna på henne, kontrollera fakta (köpdatum, skick, kundhistorik) och förklara reglerna ärligt. Eftersom situationen är speciell, be din teamledare om ett undantag eller erbjud ett tillgodokvitto, och säg tydligt vad du kan göra och när du återkommer.",
    },
    ("sjt-06", "d"): {
        "en": "Tell her that exceptions to the return period are decided by the complaints department, not by customer service. Forward her request with the purchase date and her explanation, and tell her that they usually reply by e-mail within ten working days, so she should keep the headphones unopened until then.",
        "da": "Fortæl hende, at det er klageafdelingen og ikke kundeservice, der træffer afgørelse om undtagelser fra returfristen. Send anmodningen videre med købsdatoen og hendes forklaring, og fortæl, at de som regel svarer på mail inden for ti hverdage, så hun skal beholde høretelefonerne uåbnede indtil da.",
        "nb": "Si til henne at det er klageavdelingen og ikke kundeservice som avgjør unntak fra returfristen. Send forespørselen videre med kjøpsdatoen og forklaringen hennes, og si at de vanligvis svarer på e-post innen ti virkedager, så hun bør beholde hodetelefonene uåpnet til da.",
        "sv": "Berätta att det är reklamationsavdelningen och inte kundtjänst som beslutar om undantag från returrätten. Skicka vidare ärendet med köpdatumet och hennes förklaring, och säg att de brukar svara via mejl inom tio arbetsdagar, så hon bör behålla hörlurarna oöppnade tills dess.",
    },
    ("sjt-07", "b"): {
        "en": "Say nothing for now. Jonas has far more experience than you and often knows about arrangements that never make it into the knowledge base, so there may be an exception for these customers that you don’t know about.",
        "da": "Sig ikke noget indtil videre. Mads har langt mere erfaring end dig og kender ofte til aftaler, der aldrig når ud i vidensbasen, så der kan være en undtagelse for netop de kunder, som du ikke kender til.",
        "nb": "Ikke si noe foreløpig. Jonas har mye mer erfaring enn deg og kjenner ofte til avtaler som aldri kommer inn i kunnskapsbasen, så det kan finnes et unntak for akkurat disse kundene som du ikke kjenner til.",
        "sv": "Säg ingenting tills vidare. Johan har mycket mer erfarenhet än du och känner ofta till överenskommelser som aldrig hamnar i kunskapsbanken, så det kan finnas ett undantag för just de här kunderna som du inte känner till.",
    },
    ("sjt-07", "c"): {
        "en": "Post a reminder about the new three-month notice period in the team chat, with a link to the article in the knowledge base and the date it applies from. Don’t name anyone, so that everyone sees it and nobody is singled out in front of the team.",
        "da": "Skriv en påmindelse om det nye opsigelsesvarsel på tre måneder i teamets chat med et link til artiklen i vidensbasen og datoen, det gælder fra. Nævn ingen navne, så alle ser den, og ingen bliver hængt ud over for resten af teamet.",
        "nb": "Legg ut en påminnelse om den nye oppsigelsestiden på tre måneder i teamchatten, med lenke til artikkelen i kunnskapsbasen og datoen den gjelder fra. Ikke nevn navn, så alle ser den og ingen blir hengt ut foran resten av teamet.",
        "sv": "Skriv en påminnelse om den nya uppsägningstiden på tre månader i teamets chatt, med en länk till artikeln i kunskapsbanken och datumet den gäller från. Nämn inga namn, så att alla ser den och ingen blir uthängd inför resten av teamet.",
    },
    ("sjt-07", "d"): {
        "en": "After the call, talk to Jonas privately and show him the new rule in the knowledge base. Agree how to put things right for the customers who got the wrong answer, and tell your team lead if others seem to have missed it too.",
        "da": "Tag en snak med Mads under fire øjne efter samtalen, og vis ham reglen i vidensbasen. Aftal, hvordan I retter op over for kunderne med forkert besked, og sig det til teamlederen, hvis andre også har overset den.",
        "nb": "Snakk med Jonas på tomannshånd etter samtalen, og vis ham regelen i kunnskapsbasen. Bli enige om hvordan dere retter opp overfor kundene som fikk feil svar, og si fra til teamlederen hvis andre også har gått glipp av den.",
        "sv": "Prata med Johan i enrum efter samtalet och visa honom den nya regeln i kunskapsbanken. Kom överens om hur ni rättar till det för kunderna som fick fel besked, och säg till er teamledare om fler verkar ha missat ändringen.",
    },
    ("sjt-09", "a"): {
        "en": "Reply in short, simple sentences without jargon, one question at a time: when and how was the bill paid? Check the account, explain the result plainly and make sure the customer has understood. If it helps, offer another language your team speaks.",
        "da": "Svar i korte, enkle sætninger uden fagudtryk, ét spørgsmål ad gangen: Hvornår og hvordan blev regningen betalt? Tjek kontoen, forklar resultatet enkelt, og sørg for, at kunden har forstået det. Hvis det kan hjælpe, så tilbyd fx engelsk.",
        "nb": "Svar med korte, enkle setninger uten faguttrykk, ett spørsmål om gangen: Når og hvordan ble regningen betalt? Sjekk kontoen, forklar resultatet enkelt, og forsikre deg om at kunden har forstått. Hvis det kan hjelpe, tilby for eksempel engelsk.",
        "sv": "Svara med korta, enkla meningar utan facktermer, en fråga i taget: När och hur betalades räkningen? Kontrollera kontot, förklara resultatet enkelt och se till att kunden har förstått. Om det kan hjälpa, erbjud till exempel engelska.",
    },
    ("sjt-09", "b"): {
        "en": "Send a thorough explanation based on the standard template: when reminders are sent, how the 100 kr fee is worked out and how to set up direct debit to avoid fees in future, so that the customer has all the information in one message and doesn’t need to write again.",
        "da": "Send en grundig forklaring ud fra standardskabelonen: hvornår der sendes rykkere, hvordan gebyret på 100 kr. beregnes, og hvordan man tilmelder Betalingsservice for at undgå gebyrer fremover, så kunden har alle oplysningerne i én besked og ikke behøver at skrive igen.",
        "nb": "Send en grundig forklaring basert på standardmalen: når det sendes purringer, hvordan gebyret på 100 kr beregnes, og hvordan man oppretter avtalegiro for å unngå gebyrer senere, så kunden har all informasjonen i én melding og slipper å skrive igjen.",
        "sv": "Skicka en utförlig förklaring utifrån standardmallen: när påminnelser skickas, hur avgiften på 100 kr beräknas och hur man anmäler autogiro för att slippa avgifter framöver, så att kunden har all information i ett meddelande och inte behöver skriva igen.",
    },
    ("sjt-10", "b"): {
        "en": "Speak calmly and slowly, and give her time. Block her cards and online banking at once, start the fraud procedure so the bank tries to recover the money, and explain the next steps simply. Ask if someone close can support her, and make sure the fraud team follows up.",
        "da": "Tal roligt og langsomt, og giv hende tid. Spær kort og netbank med det samme, start svindelproceduren, så banken forsøger at få pengene tilbage, og forklar de næste skridt enkelt. Spørg, om nogen tæt på kan støtte hende, og sørg for, at svindelteamet følger op.",
        "nb": "Snakk rolig og sakte, og gi henne tid. Sperr kort og nettbank med en gang, start svindelrutinen så banken prøver å få pengene tilbake, og forklar de neste stegene enkelt. Spør om noen nær henne kan støtte henne, og sørg for at svindelteamet følger opp.",
        "sv": "Prata lugnt och långsamt och ge henne tid. Spärra kort och internetbank direkt, starta bedrägerirutinen så att banken försöker få tillbaka pengarna, och förklara nästa steg enkelt. Fråga om någon närstående kan stötta henne, och se till att bedrägeriteamet följer upp.",
    },
    ("sjt-10", "c"): {
        "en": "Explain clearly that the bank never calls and asks customers to approve anything with their digital ID, and go through the warning signs of this kind of fraud with her, so that she never does it again and recognises the trick the next time someone calls. Then register the case with her account of the call.",
        "da": "Forklar tydeligt, at banken aldrig ringer og beder kunder om at godkende noget med MitID, og gennemgå advarselstegnene ved den slags svindel med hende, så hun aldrig gør det igen og genkender tricket, næste gang nogen ringer. Registrér derefter sagen med hendes beskrivelse af opkaldet.",
        "nb": "Forklar tydelig at banken aldri ringer og ber kunder om å godkjenne noe med BankID, og gå gjennom varselsignalene ved denne typen svindel med henne, så hun aldri gjør det igjen og kjenner igjen trikset neste gang noen ringer. Registrer deretter saken med hennes beskrivelse av samtalen.",
        "sv": "Förklara tydligt att banken aldrig ringer och ber kunder att godkänna något med BankID, och gå igenom varningssignalerna för den här typen av bedrägeri med henne, så att hon aldrig gör så igen och känner igen tricket nästa gång någon ringer. Registrera sedan ärendet med hennes beskrivning av samtalet.",
    },
    ("sjt-10", "d"): {
        "en": "Suggest that she calls back together with a relative who can help her go through the account, since the case is complicated, she seems confused and the bank needs clear answers about what she approved.",
        "da": "Foreslå, at hun ringer igen sammen med en pårørende, der kan hjælpe hende med at gennemgå kontoen, da sagen er indviklet, hun virker forvirret, og banken har brug for klare svar om, hvad hun har godkendt.",
        "nb": "Foreslå at hun ringer igjen sammen med en pårørende som kan hjelpe henne å gå gjennom kontoen, siden saken er komplisert, hun virker forvirret, og banken trenger klare svar på hva hun har godkjent.",
        "sv": "Föreslå att hon ringer igen tillsammans med en anhörig som kan hjälpa henne att gå igenom kontot, eftersom ärendet är krångligt, hon verkar förvirrad och banken behöver tydliga svar om vad hon har godkänt.",
    },
    ("sjt-11", "a"): {
        "en": "Put him on hold and fetch your team lead from the meeting. He has clearly asked for a manager, and refusing would only make him angrier, so tell him it may take a few minutes and brief your team lead on the 1,200 kr router charge and the return before you put him through, so that he gets a proper answer straight away.",
        "da": "Sæt ham på hold, og hent din teamleder ud af mødet. Han har tydeligt bedt om en chef, og et afslag vil kun gøre ham mere vred, så fortæl ham, at det kan tage et par minutter, og orientér teamlederen om de 1.200 kr. for routeren og returneringen, før du stiller ham om, så han får et ordentligt svar med det samme.",
        "nb": "Sett ham på vent og hent teamlederen ut av møtet. Han har tydelig bedt om å få snakke med en sjef, og å si nei vil bare gjøre ham sintere, så si at det kan ta noen minutter, og orienter teamlederen om de 1 200 kr for ruteren og returen før du setter ham over, så han får et skikkelig svar med en gang.",
        "sv": "Sätt honom i vänteläge och hämta din teamledare från mötet. Han har tydligt bett att få prata med en chef, och ett nej skulle bara göra honom argare, så säg att det kan ta några minuter och informera teamledaren om de 1 200 kr för routern och returen innan du kopplar fram honom, så att han får ett ordentligt svar direkt.",
    },
    ("sjt-11", "c"): {
        "en": "Take his request seriously and say honestly that your manager isn’t free right now. Explain that you can resolve this kind of case and ask to look at it together. If he still wants your manager, book a call-back with a short summary, so he needn’t explain it all again.",
        "da": "Tag hans ønske alvorligt, og sig ærligt, at din chef ikke er ledig lige nu. Forklar, at du kan løse den slags sager, og spørg, om I må kigge på den sammen. Vil han stadig tale med chefen, så book et opkald fra chefen med en kort opsummering, så han ikke skal forklare alt igen.",
        "nb": "Ta ønsket hans på alvor, og si ærlig at sjefen din ikke er ledig nå. Forklar at du kan løse denne typen saker, og spør om dere kan se på den sammen. Vil han fortsatt snakke med sjefen, book en oppringning fra sjefen med en kort oppsummering, så han slipper å forklare alt på nytt.",
        "sv": "Ta hans önskemål på allvar och säg ärligt att din chef inte är ledig just nu. Förklara att du kan lösa den här typen av ärenden och fråga om ni får titta på det tillsammans. Vill han ändå prata med chefen, boka in att chefen ringer upp med en kort sammanfattning, så att han slipper förklara allt igen.",
    },
}

OLD_TEXTS = {
    ("policy-01", "d"): {
        "en": "She can return it, but as she has only changed her mind, she gets a gift card instead of her money back.",
        "da": "Hun kan returnere den, men da hun blot har fortrudt, får hun et tilgodebevis i stedet for pengene retur.",
        "nb": "Hun kan returnere den, men siden hun bare har ombestemt seg, får hun en tilgodelapp i stedet for pengene tilbake.",
        "sv": "Hon kan returnera den, men eftersom hon bara har ångrat sig får hon ett tillgodokvitto i stället för pengarna tillbaka.",
    },
    ("policy-02", "b"): {
        "en": "Ask for her husband’s date of birth and address. If she gets them right, help her with both requests.",
        "da": "Du beder om hendes mands fødselsdato og adresse. Hvis hun svarer rigtigt, hjælper du hende med begge dele.",
        "nb": "Du ber om ektemannens fødselsdato og adresse. Hvis hun svarer riktig, hjelper du henne med begge deler.",
        "sv": "Du ber om makens födelsedatum och adress. Om hon svarar rätt hjälper du henne med båda sakerna.",
    },
    ("policy-02", "d"): {
        "en": "Explain kindly that you cannot give out or change anything, as she is neither the account holder nor registered with a power of attorney, and tell her how her husband can contact you or give her a power of attorney.",
        "da": "Du forklarer venligt, at du ikke kan oplyse eller ændre noget, fordi hun hverken er kontohaver eller registreret med fuldmagt, og fortæller, hvordan hendes mand kan kontakte jer eller give hende fuldmagt.",
        "nb": "Du forklarer vennlig at du ikke kan gi ut eller endre noe, fordi hun verken er kontoinnehaver eller registrert med fullmakt, og forteller hvordan ektemannen kan kontakte dere eller gi henne fullmakt.",
        "sv": "Du förklarar vänligt att du inte kan lämna ut eller ändra något, eftersom hon varken är kontoinnehavare eller registrerad med fullmakt, och berättar hur hennes man kan kontakta er eller ge henne fullmakt.",
    },
    ("policy-03", "c"): {
        "en": "Only the 100 kr gift card. The delay was caused by the carrier, so the delivery charge is not refunded.",
        "da": "Kun gavekortet på 100 kr. Forsinkelsen skyldtes fragtfirmaet, så fragten bliver ikke refunderet.",
        "nb": "Bare gavekortet på 100 kr. Forsinkelsen skyldtes transportøren, så frakten blir ikke refundert.",
        "sv": "Bara presentkortet på 100 kr. Förseningen berodde på transportören, så fraktavgiften betalas inte tillbaka.",
    },
    ("sjt-01", "a"): {
        "en": "Apologise for the runaround, briefly explain which department handles which part, and transfer her straight to billing with a note on the case, so that she doesn’t have to explain everything again.",
        "da": "Beklag, at hun er blevet sendt rundt, forklar kort, hvilken afdeling der tager sig af hvad, og stil hende direkte om til fakturering med en note på sagen, så hun ikke skal forklare det hele igen.",
        "nb": "Beklag at hun har blitt sendt rundt, forklar kort hvilken avdeling som tar seg av hva, og sett henne direkte over til fakturaavdelingen med et notat i saken, så hun slipper å forklare alt på nytt.",
        "sv": "Be om ursäkt för att hon har blivit skickad runt, förklara kort vilken avdelning som hanterar vad, och koppla henne direkt till fakturaavdelningen med en anteckning i ärendet så att hon slipper förklara allt igen.",
    },
    ("sjt-01", "b"): {
        "en": "Tell her that you will take charge of the whole case. Repeat the three problems back to her to make sure you have everything, open one case that covers all of them, contact billing and field service yourself, and agree a specific time when you will call her back with an update.",
        "da": "Sig til hende, at du tager hånd om hele sagen. Gentag de tre problemer for hende, så du er sikker på, at du har det hele med, opret én samlet sag, kontakt selv fakturering og teknikerafdelingen, og aftal et bestemt tidspunkt, hvor du ringer hende op med en status.",
        "nb": "Si til henne at du tar ansvar for hele saken. Gjenta de tre problemene for henne så du er sikker på at du har fått med deg alt, opprett én samlet sak, kontakt selv fakturaavdelingen og teknikeravdelingen, og avtal et konkret tidspunkt for når du ringer henne tilbake med en statusoppdatering.",
        "sv": "Säg att du tar ansvar för hela ärendet. Upprepa de tre problemen för henne så att du vet att du har fått med allt, lägg upp ett samlat ärende, kontakta själv fakturaavdelningen och teknikeravdelningen, och kom överens om en bestämd tid när du ringer upp henne med en lägesrapport.",
    },
    ("sjt-02", "c"): {
        "en": "Apologise that the app isn’t working properly, explain that other customers have had the same problem and that a fix is on its way, and suggest that he tries again after the next update.",
        "da": "Beklag, at appen ikke virker ordentligt, forklar, at andre kunder har haft samme problem, og at en rettelse er på vej, og foreslå, at han prøver igen efter næste opdatering.",
        "nb": "Beklag at appen ikke fungerer som den skal, forklar at andre kunder har hatt samme problem og at en rettelse er på vei, og foreslå at han prøver igjen etter neste oppdatering.",
        "sv": "Be om ursäkt för att appen inte fungerar som den ska, förklara att andra kunder har haft samma problem och att en rättning är på väg, och föreslå att han försöker igen efter nästa uppdatering.",
    },
    ("sjt-02", "d"): {
        "en": "Show that you understand he has already spent a lot of time on this, and don’t send him back to the app. Ask what the error message said, update the card for him in your system, and report the app error with the details so that it can be fixed.",
        "da": "Vis forståelse for, at han allerede har brugt meget tid, og send ham ikke tilbage til appen. Spørg, hvad fejlmeddelelsen sagde, opdatér kortet for ham i dit system, og meld fejlen i appen videre med detaljerne, så den kan blive rettet.",
        "nb": "Vis forståelse for at han allerede har brukt mye tid, og ikke send ham tilbake til appen. Spør hva feilmeldingen sa, oppdater kortet for ham i systemet ditt, og meld inn feilen i appen med detaljene, så den kan bli rettet.",
        "sv": "Visa förståelse för att han redan har lagt mycket tid, och skicka inte tillbaka honom till appen. Fråga vad felmeddelandet sa, uppdatera kortet åt honom i ditt system och rapportera felet i appen med detaljerna så att det kan åtgärdas.",
    },
    ("sjt-03", "a"): {
        "en": "First answer his question about the bill properly. Once he is satisfied, point out the pattern you have noticed, show him what the larger plan would cost compared with what he has been paying in extra charges, and let him decide.",
        "da": "Svar først ordentligt på hans spørgsmål om regningen. Når han er tilfreds, så gør ham opmærksom på det mønster, du har set, vis, hvad det større abonnement koster sammenlignet med det, han har betalt ekstra, og lad ham selv bestemme.",
        "nb": "Svar først skikkelig på spørsmålet hans om regningen. Når han er fornøyd, gjør ham oppmerksom på mønsteret du har sett, vis hva det større abonnementet koster sammenlignet med det han har betalt ekstra, og la ham bestemme selv.",
        "sv": "Svara först ordentligt på hans fråga om fakturan. När han är nöjd, berätta om mönstret du har sett, visa vad det större abonnemanget kostar jämfört med vad han har betalat extra, och låt honom bestämma själv.",
    },
    ("sjt-03", "b"): {
        "en": "Offer him the larger plan straight away as the solution to the high bill, since it will clearly save him money.",
        "da": "Tilbyd ham med det samme det større abonnement som løsningen på den høje regning, da det tydeligvis vil spare ham penge.",
        "nb": "Tilby ham det større abonnementet med en gang som løsningen på den høye regningen, siden det helt klart vil spare ham penger.",
        "sv": "Erbjud honom direkt det större abonnemanget som lösningen på den höga fakturan, eftersom det uppenbart kommer att spara pengar åt honom.",
    },
    ("sjt-04", "b"): {
        "en": "Ask your team lead to put a message on the phone line, and stop taking calls until the system is back up, so that you don’t give customers wrong answers.",
        "da": "Bed din teamleder om at lægge en besked på telefonlinjen, og stop med at tage opkald, indtil systemet er oppe igen, så du ikke giver kunderne forkerte svar.",
        "nb": "Be teamlederen om å legge ut en melding på telefonlinjen, og slutt å ta samtaler til systemet er oppe igjen, så du ikke gir kundene feil svar.",
        "sv": "Be din teamledare att lägga in ett meddelande i telefonkön och sluta ta samtal tills systemet är uppe igen, så att du inte ger kunderna felaktiga svar.",
    },
    ("sjt-04", "c"): {
        "en": "Keep taking calls. Tell each caller openly about the problem and solve what you can without the system. For the rest, write down name, number and question in a shared list and promise a call-back. Tell your team lead how many need follow-up, and suggest a message on the phone line.",
        "da": "Bliv ved med at tage opkald. Fortæl hver kunde ærligt om problemet, og løs det, du kan uden systemet. For resten skriver du navn, nummer og spørgsmål ned på en fælles liste og lover, at de bliver ringet op. Fortæl din teamleder, hvor mange der skal følges op på, og foreslå en besked på telefonlinjen.",
        "nb": "Fortsett å ta samtaler. Fortell hver kunde ærlig om problemet, og løs det du kan uten systemet. For resten skriver du ned navn, nummer og spørsmål på en felles liste og lover at de blir ringt opp. Si fra til teamlederen hvor mange som må følges opp, og foreslå en melding på telefonlinjen.",
        "sv": "Fortsätt ta samtal. Berätta öppet för varje kund om problemet och lös det du kan utan systemet. För resten skriver du upp namn, nummer och fråga på en gemensam lista och lovar att de blir uppringda. Säg till din teamledare hur många som behöver följas upp och föreslå ett meddelande i telefonkön.",
    },
    ("sjt-06", "a"): {
        "en": "Listen to her, check the facts (purchase date, condition and her history as a customer) and explain the policy honestly. Because the situation is unusual, ask your team lead for an exception or offer an alternative such as store credit, and tell her clearly what you can do and when you will get back to her.",
        "da": "Lyt til hende, tjek fakta (købsdato, stand og hendes historik som kunde), og forklar ærligt reglerne. Fordi situationen er særlig, så bed din teamleder om en undtagelse, eller tilbyd et alternativ, fx et tilgodebevis, og fortæl hende tydeligt, hvad du kan gøre, og hvornår du vender tilbage.",
        "nb": "Lytt til henne, sjekk fakta (kjøpsdato, tilstand og kundehistorikken hennes), og forklar reglene ærlig. Siden situasjonen er spesiell, be teamlederen om et unntak eller tilby et alternativ, for eksempel et tilgodebevis, og si tydelig hva du kan gjøre og når du kommer tilbake til henne.",
        "sv": "Lyssna på henne, kontrollera fakta (köpdatum, skick och hennes kundhistorik) och förklara reglerna ärligt. Eftersom situationen är speciell, be din teamledare om ett undantag eller erbjud ett alternativ, till exempel ett tillgodokvitto, och säg tydligt vad du kan göra och när du återkommer till henne.",
    },
    ("sjt-06", "d"): {
        "en": "Tell her that you will forward the request to the complaints department, which decides on exceptions, and that she will hear from them.",
        "da": "Fortæl hende, at du sender anmodningen videre til klageafdelingen, som træffer afgørelse om undtagelser, og at hun vil høre fra dem.",
        "nb": "Si til henne at du sender forespørselen videre til klageavdelingen, som avgjør unntak, og at hun vil høre fra dem.",
        "sv": "Berätta att du skickar vidare ärendet till reklamationsavdelningen, som beslutar om undantag, och att de kommer att höra av sig till henne.",
    },
    ("sjt-07", "b"): {
        "en": "Say nothing for now. Jonas has far more experience than you, so there may be an exception you don’t know about.",
        "da": "Sig ikke noget indtil videre. Mads har langt mere erfaring end dig, så der kan være en undtagelse, du ikke kender til.",
        "nb": "Ikke si noe foreløpig. Jonas har mye mer erfaring enn deg, så det kan finnes et unntak du ikke kjenner til.",
        "sv": "Säg ingenting tills vidare. Johan har mycket mer erfarenhet än du, så det kan finnas ett undantag som du inte känner till.",
    },
    ("sjt-07", "c"): {
        "en": "Post a reminder about the new rule in the team chat, without naming anyone, so that everyone sees it.",
        "da": "Skriv en påmindelse om den nye regel i teamets chat uden at nævne navne, så alle ser den.",
        "nb": "Legg ut en påminnelse om den nye regelen i teamchatten uten å nevne navn, så alle ser den.",
        "sv": "Skriv en påminnelse om den nya regeln i teamets chatt utan att nämna några namn, så att alla ser den.",
    },
    ("sjt-07", "d"): {
        "en": "Talk to Jonas privately after the call and show him the new rule in the knowledge base. Agree together how to put things right for the customers who got the wrong answer, for example with a note on their cases and a call, and tell your team lead if it looks as if others have missed the change too.",
        "da": "Tag en snak med Mads under fire øjne efter samtalen, og vis ham den nye regel i vidensbasen. Aftal sammen, hvordan I retter op over for de kunder, der har fået forkert besked, fx med en note på deres sager og et opkald, og sig det til jeres teamleder, hvis det ser ud til, at andre også har overset ændringen.",
        "nb": "Snakk med Jonas på tomannshånd etter samtalen, og vis ham den nye regelen i kunnskapsbasen. Bli enige om hvordan dere retter opp feilen overfor kundene som har fått feil svar, for eksempel med et notat i sakene deres og en telefon, og si fra til teamlederen hvis det ser ut som om andre også har gått glipp av endringen.",
        "sv": "Prata med Johan i enrum efter samtalet och visa honom den nya regeln i kunskapsbanken. Kom överens om hur ni rättar till det för kunderna som har fått fel besked, till exempel med en anteckning i deras ärenden och ett samtal, och säg till er teamledare om det verkar som att fler har missat ändringen.",
    },
    ("sjt-09", "a"): {
        "en": "Reply in short, simple sentences without jargon, one question at a time, and ask when and how the bill was paid. Check the account, explain the result in plain words and make sure the customer has understood. If it would help, ask whether they would rather continue in another language your team can offer.",
        "da": "Svar i korte, enkle sætninger uden fagudtryk, ét spørgsmål ad gangen, og spørg, hvornår og hvordan regningen blev betalt. Tjek kontoen, forklar resultatet med almindelige ord, og sørg for, at kunden har forstået det. Hvis det kan hjælpe, så spørg, om kunden hellere vil fortsætte på et andet sprog, fx engelsk.",
        "nb": "Svar med korte, enkle setninger uten faguttrykk, ett spørsmål om gangen, og spør når og hvordan regningen ble betalt. Sjekk kontoen, forklar resultatet med enkle ord, og forsikre deg om at kunden har forstått. Hvis det kan hjelpe, spør om kunden heller vil fortsette på et annet språk, for eksempel engelsk.",
        "sv": "Svara med korta, enkla meningar utan facktermer, en fråga i taget, och fråga när och hur räkningen betalades. Kontrollera kontot, förklara resultatet med enkla ord och se till att kunden har förstått. Om det kan hjälpa, fråga om kunden hellre vill fortsätta på ett annat språk, till exempel engelska.",
    },
    ("sjt-09", "b"): {
        "en": "Send a thorough explanation of how reminders and fees work, based on the standard template, so that the customer has all the information in one message.",
        "da": "Send en grundig forklaring på, hvordan rykkere og gebyrer fungerer, ud fra standardskabelonen, så kunden har alle oplysningerne i én besked.",
        "nb": "Send en grundig forklaring på hvordan purringer og gebyrer fungerer, basert på standardmalen, så kunden har all informasjonen i én melding.",
        "sv": "Skicka en utförlig förklaring av hur påminnelser och avgifter fungerar, utifrån standardmallen, så att kunden har all information i ett meddelande.",
    },
    ("sjt-10", "b"): {
        "en": "Speak calmly and slowly, and give her time. Block her cards and online banking at once so that no more money can be transferred, start the fraud procedure so that the bank tries to get the money back, and explain the next steps in simple words. Ask whether there is someone close to her who can support her, and make sure the fraud team follows up with her.",
        "da": "Tal roligt og langsomt, og giv hende tid. Spær hendes kort og netbank med det samme, så der ikke kan overføres flere penge, sæt svindelproceduren i gang, så banken forsøger at få pengene tilbage, og forklar de næste skridt med enkle ord. Spørg, om hun har nogen tæt på sig, der kan støtte hende, og sørg for, at svindelteamet følger op over for hende.",
        "nb": "Snakk rolig og sakte, og gi henne tid. Sperr kortene og nettbanken hennes med en gang, så det ikke kan overføres mer penger, sett i gang svindelrutinen så banken prøver å få pengene tilbake, og forklar de neste stegene med enkle ord. Spør om hun har noen nær seg som kan støtte henne, og sørg for at svindelteamet følger henne opp.",
        "sv": "Prata lugnt och långsamt och ge henne tid. Spärra hennes kort och internetbank direkt så att inga fler pengar kan föras över, starta bedrägerirutinen så att banken försöker få tillbaka pengarna, och förklara nästa steg med enkla ord. Fråga om hon har någon närstående som kan stötta henne, och se till att bedrägeriteamet följer upp med henne.",
    },
    ("sjt-10", "c"): {
        "en": "Explain clearly that the bank never calls and asks customers to approve anything with their digital ID, and that she must never do it again. Then register the case.",
        "da": "Forklar tydeligt, at banken aldrig ringer og beder kunder om at godkende noget med MitID, og at hun aldrig må gøre det igen. Registrér derefter sagen.",
        "nb": "Forklar tydelig at banken aldri ringer og ber kunder om å godkjenne noe med BankID, og at hun aldri må gjøre det igjen. Registrer deretter saken.",
        "sv": "Förklara tydligt att banken aldrig ringer och ber kunder att godkänna något med BankID, och att hon aldrig får göra så igen. Registrera sedan ärendet.",
    },
    ("sjt-10", "d"): {
        "en": "Suggest that she calls back together with a relative, since the case is complicated and she seems confused.",
        "da": "Foreslå, at hun ringer igen sammen med en pårørende, da sagen er indviklet, og hun virker forvirret.",
        "nb": "Foreslå at hun ringer igjen sammen med en pårørende, siden saken er komplisert og hun virker forvirret.",
        "sv": "Föreslå att hon ringer igen tillsammans med en anhörig, eftersom ärendet är krångligt och hon verkar förvirrad.",
    },
    ("sjt-11", "a"): {
        "en": "Put him on hold and fetch your team lead from the meeting, since the customer has clearly asked for a manager.",
        "da": "Sæt ham på hold, og hent din teamleder ud af mødet, da kunden tydeligt har bedt om at tale med en chef.",
        "nb": "Sett ham på vent og hent teamlederen ut av møtet, siden kunden tydelig har bedt om å få snakke med en sjef.",
        "sv": "Sätt honom i vänteläge och hämta din teamledare från mötet, eftersom kunden tydligt har bett att få prata med en chef.",
    },
    ("sjt-11", "c"): {
        "en": "Take his request seriously and tell him honestly that your manager isn’t available right now. Explain that you have the authority to resolve this kind of case, and ask if you may look at it together with him. If he still wants to speak to your manager, book a call-back from them with a short summary of the case, so that he doesn’t have to explain it all again.",
        "da": "Tag hans ønske alvorligt, og fortæl ærligt, at din chef ikke er ledig lige nu. Forklar, at du har beføjelse til at løse den slags sager, og spørg, om du må kigge på den sammen med ham. Hvis han stadig vil tale med din chef, så book et opkald fra chefen med en kort opsummering af sagen, så han ikke skal forklare det hele igen.",
        "nb": "Ta ønsket hans på alvor, og si ærlig at sjefen din ikke er ledig akkurat nå. Forklar at du har fullmakt til å løse denne typen saker, og spør om du kan få se på den sammen med ham. Hvis han fortsatt vil snakke med sjefen, book en oppringning fra sjefen med en kort oppsummering av saken, så han slipper å forklare alt på nytt.",
        "sv": "Ta hans önskemål på allvar och säg ärligt att din chef inte är tillgänglig just nu. Förklara att du har befogenhet att lösa den här typen av ärenden, och fråga om du får titta på det tillsammans med honom. Om han fortfarande vill prata med din chef, boka in att chefen ringer upp honom och skriv en kort sammanfattning av ärendet, så att han slipper förklara allt igen.",
    },
}


def _write(apps, texts):
    Option = apps.get_model("assessments", "Option")
    options = Option.objects.filter(item__section__assessment__slug=SLUG, item__key__in={item for item, _ in texts})
    changed = []
    for option in options.select_related("item"):
        text = texts.get((option.item.key, option.key))
        if text is not None:
            option.text = text
            changed.append(option)
    Option.objects.bulk_update(changed, ["text"])


def forwards(apps, schema_editor):
    _write(apps, NEW_TEXTS)


def backwards(apps, schema_editor):
    _write(apps, OLD_TEXTS)


class Migration(migrations.Migration):
    dependencies = [("assessments", "0004_norm_statistics")]

    operations = [migrations.RunPython(forwards, backwards)]
