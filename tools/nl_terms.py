"""Dutch translations, applied to eteams/translations/nl by tools/translations.py.

Plain B1-level Dutch; domain words as in DESIGN §9.
"""

NL = {
    "12 to 128 characters. Leave empty to keep the current password.": "12 tot 128 tekens. Laat leeg om het huidige wachtwoord te houden.",
    "8 digits, from the Chamber of Commerce register": "8 cijfers, uit het Handelsregister van de KvK",
    "A KvK number has exactly 8 digits.": "Een KvK-nummer heeft precies 8 cijfers.",
    "A coach needs their employee record.": "Een coach moet gekoppeld zijn aan een medewerker.",
    "A team with this name exists.": "Er is al een team met deze naam.",
    "A user with this e-mail address already exists.": "Er is al een gebruiker met dit e-mailadres.",
    "Active": "Actief",
    "Add training": "Opleiding toevoegen",
    "An employer user needs an employer.": "Een werkgever-gebruiker moet bij een werkgever horen.",
    "An employer with this KvK number exists.": "Er is al een werkgever met dit KvK-nummer.",
    "An employer with this name exists.": "Er is al een werkgever met deze naam.",
    "Back to the list": "Terug naar de lijst",
    "Back to the start page": "Terug naar de startpagina",
    "Birth year": "Geboortejaar",
    "Certificate": "Certificaat",
    "Certificate obtained": "Certificaat behaald",
    "Choose an employer.": "Kies een werkgever.",
    "Coach": "Coach",
    "Completed on": "Afgerond op",
    "Contact e-mail": "E-mail contactpersoon",
    "Contact person": "Contactpersoon",
    "Contact phone": "Telefoon contactpersoon",
    "Contract": "Contract",
    "Course": "Opleiding",
    "E-mail address": "E-mailadres",
    "E-teams": "E-teams",
    "Edit employee": "Medewerker wijzigen",
    "Edit employer": "Werkgever wijzigen",
    "Edit team": "Team wijzigen",
    "Edit user": "Gebruiker wijzigen",
    "Education": "Opleiding",
    "Employee": "Medewerker",
    "Employee record (for coaches)": "Medewerker (voor coaches)",
    "Employee saved.": "Medewerker opgeslagen.",
    "Employees": "Medewerkers",
    "Employer": "Werkgever",
    "Employer (HR)": "Werkgever (HR)",
    "Employer (for employer users)": "Werkgever (voor werkgever-gebruikers)",
    "Employer saved.": "Werkgever opgeslagen.",
    "Employers": "Werkgevers",
    "Employment ended on": "Dienstverband beëindigd op",
    "Ended": "Uit dienst",
    "Enter a birth year between 1940 and 2015.": "Vul een geboortejaar in tussen 1940 en 2015.",
    "Enter a first name.": "Vul een voornaam in.",
    "Enter a last name.": "Vul een achternaam in.",
    "Enter a password for the new user.": "Vul een wachtwoord in voor de nieuwe gebruiker.",
    "Enter a team name.": "Vul een teamnaam in.",
    "Enter a valid e-mail address.": "Vul een geldig e-mailadres in.",
    "Enter the course name.": "Vul de naam van de opleiding in.",
    "Enter the date the employment ended.": "Vul de datum in waarop het dienstverband eindigde.",
    "Enter the employer's name.": "Vul de naam van de werkgever in.",
    "First name": "Voornaam",
    "From": "Vanaf",
    "Health": "Gezondheid",
    "Hello %(name)s": "Hallo %(name)s",
    "Hired on": "In dienst sinds",
    "Hours per week": "Uren per week",
    "Hours per week must be more than 0 and at most 40.": "Uren per week moet meer dan 0 en hoogstens 40 zijn.",
    "Jobs agreement (banenafspraak)": "Banenafspraak",
    "KvK number": "KvK-nummer",
    "Language": "Taal",
    "Last name": "Achternaam",
    "Leave empty unless a member cannot walk far.": "Laat leeg, tenzij een teamlid niet ver kan lopen.",
    "Linked to": "Gekoppeld aan",
    "Main menu": "Hoofdmenu",
    "Meeting point": "Verzamelpunt",
    "Member %(n)d appears twice for overlapping dates.": "Teamlid %(n)d staat twee keer in het team voor dezelfde periode.",
    "Member %(n)d: %(name)s is not employed on the start date.": "Teamlid %(n)d: %(name)s is op de startdatum niet in dienst.",
    "Member %(n)d: choose an employee.": "Teamlid %(n)d: kies een medewerker.",
    "Member %(n)d: employee": "Teamlid %(n)d: medewerker",
    "Member %(n)d: enter the start date.": "Teamlid %(n)d: vul de startdatum in.",
    "Member %(n)d: from": "Teamlid %(n)d: vanaf",
    "Member %(n)d: the end date is before the start date.": "Teamlid %(n)d: de einddatum ligt voor de startdatum.",
    "Member %(n)d: until": "Teamlid %(n)d: tot en met",
    "Members": "Teamleden",
    "Municipality": "Gemeente",
    "Name": "Naam",
    "New employee": "Nieuwe medewerker",
    "New employer": "Nieuwe werkgever",
    "New team": "Nieuw team",
    "New user": "Nieuwe gebruiker",
    "No benefit": "Geen uitkering",
    "No employees yet.": "Nog geen medewerkers.",
    "No employers yet.": "Nog geen werkgevers.",
    "No members today.": "Vandaag geen teamleden.",
    "No shifts in the coming 7 days.": "Geen diensten in de komende 7 dagen.",
    "No teams yet.": "Nog geen teams.",
    "No training recorded yet.": "Nog geen opleiding vastgelegd.",
    "Other": "Anders",
    "Overview": "Overzicht",
    "Participation Act (social assistance)": "Participatiewet (bijstand)",
    "Password": "Wachtwoord",
    "Permanent contract": "Vast contract",
    "Placement": "Plaatsing",
    "Please sign in.": "Log eerst in.",
    "Programme coordinator": "Programmacoördinator",
    "Programme overview": "Overzicht van het programma",
    "Reason the employment ended": "Reden einde dienstverband",
    "Refugee with a residence permit (status holder)": "Vluchteling met verblijfsvergunning (statushouder)",
    "Regular job elsewhere": "Regulier werk elders",
    "Role": "Rol",
    "Save": "Opslaan",
    "Save to get another empty row for the next member.": "Sla op om een nieuwe lege regel voor het volgende teamlid te krijgen.",
    "Say why the employment ended.": "Geef aan waarom het dienstverband eindigde.",
    "Sign in": "Inloggen",
    "Sign out": "Uitloggen",
    "Skip to content": "Naar de inhoud",
    "Something went wrong on our side. Please try again later.": "Er ging bij ons iets mis. Probeer het later nog eens.",
    "Target group": "Doelgroep",
    "Team": "Team",
    "Team lead": "Teamleider",
    "Team name": "Teamnaam",
    "Team saved.": "Team opgeslagen.",
    "Teams": "Teams",
    "Temporary contract": "Tijdelijk contract",
    "The course date cannot be before the hiring date.": "De opleidingsdatum kan niet voor de datum van indiensttreding liggen.",
    "The course date cannot be in the future.": "De opleidingsdatum kan niet in de toekomst liggen.",
    "The e-mail address or password is not correct.": "Het e-mailadres of wachtwoord klopt niet.",
    "The end date cannot be before the hiring date.": "De einddatum kan niet voor de datum van indiensttreding liggen.",
    "The file is too large.": "Het bestand is te groot.",
    "The request could not be understood. Reload the page and try again.": "Dit verzoek is niet gelukt. Laad de pagina opnieuw en probeer het nog eens.",
    "The team lead must be a user with the lead role.": "De teamleider moet een gebruiker met de rol teamleider zijn.",
    "The walking limit must be between 0 and 30 km.": "De looplimiet moet tussen 0 en 30 km liggen.",
    "This action is not possible here.": "Dit kan hier niet.",
    "This employee already has a login.": "Deze medewerker heeft al een account.",
    "This page does not exist or is not available to you.": "Deze pagina bestaat niet of is niet voor u beschikbaar.",
    "Today": "Vandaag",
    "Too many attempts. Wait a minute and try again.": "Te veel pogingen. Wacht een minuut en probeer het opnieuw.",
    "Training": "Opleiding",
    "Training added.": "Opleiding toegevoegd.",
    "Trial placement": "Proefplaatsing",
    "Unemployment benefit (WW)": "WW-uitkering",
    "Until": "Tot en met",
    "Use at least %(n)d characters.": "Gebruik minstens %(n)d tekens.",
    "Use at most %(n)d characters.": "Gebruik hoogstens %(n)d tekens.",
    "User saved.": "Gebruiker opgeslagen.",
    "Users": "Gebruikers",
    "WIA / Wajong": "WIA / Wajong",
    "Walking limit (km)": "Looplimiet (km)",
    "Work-learning job": "Leerwerkbaan",
    "You cannot take away your own admin rights.": "U kunt uw eigen beheerrechten niet afnemen.",
    "You do not lead a team yet. The programme coordinator can link you to a team.": "U bent nog geen teamleider van een team. De programmacoördinator kan u aan een team koppelen.",
    "Your coming shifts": "Je komende diensten",
    "Your employees in the E-teams": "Uw medewerkers in de E-teams",
    "Your language is saved.": "Uw taal is opgeslagen.",
    "Your profile": "Uw profiel",
    "Your teams": "Uw teams",
    "no": "nee",
    "yes": "ja",
}

# Campaigns, address import, geocoding and privacy (issue 3).
NL.update(
    {
        "%(name)s %(value)s lies outside the Netherlands (lat and lon swapped?).": "%(name)s %(value)s ligt buiten Nederland (lat en lon omgewisseld?).",
        "'%(field)s' is empty.": "'%(field)s' is leeg.",
        "'%(value)s' is not a Dutch postcode (like 1234 AB).": "'%(value)s' is geen Nederlandse postcode (zoals 1234 AB).",
        "'%(value)s' is not a building year.": "'%(value)s' is geen bouwjaar.",
        "'%(value)s' is not a dwelling type we know.": "'%(value)s' is geen woningtype dat we kennen.",
        "'%(value)s' is not a house number.": "'%(value)s' is geen huisnummer.",
        "'%(value)s' is not a number (%(name)s).": "'%(value)s' is geen getal (%(name)s).",
        "'%(value)s' is not an energy label (A++++ to G).": "'%(value)s' is geen energielabel (A++++ tot en met G).",
        "'%(value)s' is not owner, social rent or private rent.": "'%(value)s' is geen koop, sociale huur of particuliere huur.",
        "A campaign with this name exists.": "Er is al een campagne met deze naam.",
        "Addition": "Toevoeging",
        "Already in this campaign.": "Al in deze campagne.",
        "Building year": "Bouwjaar",
        "City": "Woonplaats",
        "Dwelling type": "Woningtype",
        "Energy label": "Energielabel",
        "Enter a name for the campaign.": "Vul een naam in voor de campagne.",
        "Enter the municipality.": "Vul de gemeente in.",
        "Give both latitude and longitude, or neither.": "Geef zowel breedtegraad als lengtegraad, of geen van beide.",
        "House letter": "Huisletter",
        "House number": "Huisnummer",
        "Latitude": "Breedtegraad",
        "Longitude": "Lengtegraad",
        "One column is used for two fields.": "Eén kolom is voor twee velden gekozen.",
        "Owner or tenant": "Koop of huur",
        "Postcode": "Postcode",
        "Same address as row %(row)d.": "Zelfde adres als rij %(row)d.",
        "Street": "Straat",
        "The addition '%(value)s' is longer than 4 characters.": "De toevoeging '%(value)s' is langer dan 4 tekens.",
        "The column for '%(field)s' is missing.": "De kolom voor '%(field)s' ontbreekt.",
        "The column mapping points at a column the file does not have.": "De kolomkeuze wijst naar een kolom die niet in het bestand staat.",
        "The end date cannot be before the start date.": "De einddatum kan niet voor de startdatum liggen.",
        "The file is empty.": "Het bestand is leeg.",
        "The file is not a text (CSV) file.": "Het bestand is geen tekstbestand (CSV).",
        "The file is not a valid CSV file.": "Het bestand is geen geldig CSV-bestand.",
        "The house letter '%(value)s' must be one letter.": "De huisletter '%(value)s' moet één letter zijn.",
        "This latitude lies outside the Netherlands.": "Deze breedtegraad ligt buiten Nederland.",
        "This longitude lies outside the Netherlands.": "Deze lengtegraad ligt buiten Nederland.",
    }
)

# Campaign, import, map and household pages (issue 3).
NL.update(
    {
        "%(found)d found, %(missing)d not found, %(errors)d errors; %(remaining)d to go.": "%(found)d gevonden, %(missing)d niet gevonden, %(errors)d fouten; nog %(remaining)d te gaan.",
        "* required. All rows are imported, or none: one bad row stops the import.": "* verplicht. Alle rijen worden geïmporteerd, of geen: één foute rij stopt de import.",
        "2006 or later": "2006 of later",
        "Address": "Adres",
        "Address file (CSV)": "Adressenbestand (CSV)",
        "Addresses": "Adressen",
        "Advice letter": "Adviesbrief",
        "Advice letters": "Adviesbrieven",
        "All": "Alle",
        "All campaigns": "Alle campagnes",
        "Allow visits again": "Weer laten bezoeken",
        "Already has it": "Heeft het al",
        "Apartment": "Appartement",
        "Ask the geocoder again": "Opnieuw zoeken",
        "Back": "Terug",
        "Campaign": "Campagne",
        "Campaign saved.": "Campagne opgeslagen.",
        "Campaigns": "Campagnes",
        "Can be visited": "Mag bezocht worden",
        "Check the import": "Import controleren",
        "Choose a file.": "Kies een bestand.",
        "Come back later": "Later terugkomen",
        "Contact": "Contact",
        "Conversation": "Gesprek",
        "Coordinates": "Coördinaten",
        "Default letter language": "Standaardtaal van de brief",
        "Detached house": "Vrijstaande woning",
        "District heating": "Stadsverwarming",
        "Do not visit": "Niet bezoeken",
        "Download as JSON": "Downloaden als JSON",
        "Dwelling": "Woning",
        "Edit": "Wijzigen",
        "Edit campaign": "Campagne wijzigen",
        "Electricity per year": "Stroom per jaar",
        "End-terrace house": "Hoekwoning",
        "Ends on": "Eindigt op",
        "Erase personal data": "Persoonsgegevens wissen",
        "Every address has coordinates.": "Alle adressen hebben coördinaten.",
        "Everything we hold": "Alles wat we bewaren",
        "Everything we hold (printable)": "Alles wat we bewaren (om te printen)",
        "Everything we hold about the household at %(address)s": "Alles wat we bewaren over het huishouden op %(address)s",
        "Filter addresses": "Adressen filteren",
        "Find coordinates": "Coördinaten zoeken",
        "First rows": "Eerste rijen",
        "Follow up on": "Opvolgen op",
        "Follow-up contact": "Vervolgcontact",
        "Gas boiler": "Cv-ketel op gas",
        "Gas per year": "Gas per jaar",
        "Ground-floor flat": "Benedenwoning",
        "Heat pump": "Warmtepomp",
        "Heating": "Verwarming",
        "Hybrid heat pump": "Hybride warmtepomp",
        "Import addresses": "Adressen importeren",
        "Import done": "Import klaar",
        "Interested": "Interesse",
        "Last visit": "Laatste bezoek",
        "Legend": "Legenda",
        "Location": "Locatie",
        "Location saved.": "Locatie opgeslagen.",
        "Made on %(date)s for a request under article 15 of the GDPR (AVG).": "Gemaakt op %(date)s voor een verzoek op grond van artikel 15 AVG.",
        "Map": "Kaart",
        "Map of the addresses": "Kaart van de adressen",
        "Maybe": "Misschien",
        "Moved": "Verhuisd",
        "Neighbourhood": "Wijk",
        "Never visit this address": "Dit adres nooit meer bezoeken",
        "Never visited": "Nooit bezocht",
        "New campaign": "Nieuwe campagne",
        "Next": "Volgende",
        "No access": "Geen toegang",
        "No addresses here.": "Geen adressen.",
        "No answer": "Geen gehoor",
        "No campaigns yet.": "Nog geen campagnes.",
        "No geocoder is configured: coordinates must come in the address file.": "Er is geen geocoder ingesteld: de coördinaten moeten in het adressenbestand staan.",
        "No letters.": "Geen brieven.",
        "No visits.": "Geen bezoeken.",
        "Nobody has been to this door yet.": "Nog niemand is bij deze deur geweest.",
        "Not home": "Niet thuis",
        "Not home once": "Eén keer niet thuis",
        "Not home three times or more": "Drie keer of vaker niet thuis",
        "Not home twice": "Twee keer niet thuis",
        "Not interested": "Geen interesse",
        "Nothing is imported yet: you first see the first rows and which column holds what.": "Er wordt nog niets geïmporteerd: u ziet eerst de eerste rijen en welke kolom wat bevat.",
        "Nothing was imported.": "Er is niets geïmporteerd.",
        "Occupants": "Bewoners",
        "Other (moved, no access, later)": "Anders (verhuisd, geen toegang, later)",
        "Owner-occupied": "Koopwoning",
        "Page %(page)d of %(pages)d": "Pagina %(page)d van %(pages)d",
        "Pages": "Pagina's",
        "Period": "Periode",
        "Personal data erased on %(date)s": "Persoonsgegevens gewist op %(date)s",
        "Pick on the map": "Kies op de kaart",
        "Place addresses by hand": "Adressen met de hand plaatsen",
        "Planning": "Planning",
        "Previous": "Vorige",
        "Privacy": "Privacy",
        "Private rent": "Particuliere huur",
        "Problem": "Probleem",
        "Refused": "Geweigerd",
        "Row": "Rij",
        "Save location": "Locatie opslaan",
        "Saved from Excel as CSV (comma or semicolon). Columns: street, house number, postcode, city; optional letter, addition, lat, lon, building year, dwelling type, energy label, owner or tenant.": "Opgeslagen vanuit Excel als CSV (komma of puntkomma). Kolommen: straat, huisnummer, postcode, woonplaats; eventueel huisletter, toevoeging, lat, lon, bouwjaar, woningtype, energielabel, koop of huur.",
        "Semi-detached house": "Twee-onder-een-kapwoning",
        "Social rent": "Sociale huur",
        "Starts on": "Begint op",
        "Status": "Stand",
        "Terraced house": "Tussenwoning",
        "The geocoder could not find these addresses. Type the coordinates, or click on the map to pick the point, then save.": "De geocoder kon deze adressen niet vinden. Typ de coördinaten, of klik op de kaart om het punt te kiezen, en sla op.",
        "The household asked to erase its data. Erasing cannot be undone.": "Het huishouden vroeg om zijn gegevens te wissen. Wissen kan niet ongedaan worden gemaakt.",
        "The household's personal data is erased.": "De persoonsgegevens van het huishouden zijn gewist.",
        "The same addresses as a list, with filters, are on the campaign page.": "Dezelfde adressen als lijst, met filters, staan op de campagnepagina.",
        "This address can be planned again.": "Dit adres kan weer worden ingepland.",
        "This address will not be planned again.": "Dit adres wordt niet meer ingepland.",
        "Tick the box to confirm the household asked for this.": "Vink het vakje aan om te bevestigen dat het huishouden hierom vroeg.",
        "To the campaign": "Naar de campagne",
        "Unknown": "Onbekend",
        "Upload and check": "Uploaden en controleren",
        "Upload another file": "Een ander bestand uploaden",
        "Upper-floor flat": "Bovenwoning",
        "Visits": "Bezoeken",
        "Which column holds what": "Welke kolom bevat wat",
        "Why": "Waarom",
        "before 1945": "voor 1945",
        "given": "gegeven",
        "no coordinates": "geen coördinaten",
        "none yet": "nog geen",
        "not given": "niet gegeven",
        "separator": "scheidingsteken",
        "— not in the file —": "— niet in het bestand —",
    }
)

# Week schedule and attendance (issue 4).
NL.update(
    {
        "%(name)s appears twice.": "%(name)s staat er twee keer in.",
        "%(name)s is already on a shift of %(team)s at that time.": "%(name)s staat op dat moment al op een dienst van %(team)s.",
        "%(name)s is not employed on that day.": "%(name)s is op die dag niet in dienst.",
        "%(name)s: at most %(max)s hours for this shift.": "%(name)s: hoogstens %(max)s uur voor deze dienst.",
        "%(name)s: hours are only for who was present.": "%(name)s: uren tellen alleen voor wie aanwezig was.",
        "%(name)s: hours cannot be negative.": "%(name)s: uren kunnen niet negatief zijn.",
        "Absence reported in advance": "Afwezigheid vooraf gemeld",
        "Absent": "Afwezig",
        "Attendance": "Aanwezigheid",
        "Attendance can be recorded once the shift has started.": "Aanwezigheid kan worden ingevuld zodra de dienst begonnen is.",
        "Attendance is already recorded: this shift cannot move to another day.": "De aanwezigheid is al ingevuld: deze dienst kan niet naar een andere dag.",
        "Attendance is already recorded: this shift took place.": "De aanwezigheid is al ingevuld: deze dienst heeft plaatsgevonden.",
        "Attendance of %(name)s": "Aanwezigheid van %(name)s",
        "Attendance saved.": "Aanwezigheid opgeslagen.",
        "Cancel this shift": "Deze dienst afzeggen",
        "Choose a team.": "Kies een team.",
        "Choose present, absent or sick for everyone.": "Kies voor iedereen aanwezig, afwezig of ziek.",
        "Date": "Datum",
        "Employee %(id)d is not on this shift.": "Medewerker %(id)d staat niet op deze dienst.",
        "End": "Einde",
        "Enter the last day of the series.": "Vul de laatste dag van de reeks in.",
        "Friday": "vrijdag",
        "Hours count only for who was present; default is the length of the shift.": "Uren tellen alleen voor wie aanwezig was; standaard de lengte van de dienst.",
        "Hours must be a number, like 2.5.": "Uren moeten een getal zijn, zoals 2,5.",
        "Hours worked": "Gewerkte uren",
        "Hours worked by %(name)s": "Gewerkte uren van %(name)s",
        "Monday": "maandag",
        "Move the shift": "Dienst verplaatsen",
        "New shift": "Nieuwe dienst",
        "Next week": "Volgende week",
        "No attendance for a cancelled shift.": "Geen aanwezigheid voor een afgezegde dienst.",
        "No day in this period matches the days chosen.": "Geen dag in deze periode past bij de gekozen dagen.",
        "On these days": "Op deze dagen",
        "On this shift": "Op deze dienst",
        "Present": "Aanwezig",
        "Previous week": "Vorige week",
        "Repeat": "Herhalen",
        "Repeat every week": "Elke week herhalen",
        "Saturday": "zaterdag",
        "Save attendance": "Aanwezigheid opslaan",
        "Schedule": "Rooster",
        "Schedule shifts": "Inplannen",
        "Schedule, week of %(date)s": "Rooster, week van %(date)s",
        "Shift cancelled.": "Dienst afgezegd.",
        "Shift saved.": "Dienst opgeslagen.",
        "Sick": "Ziek",
        "Start": "Begin",
        "Sunday": "zondag",
        "That is more than %(n)d shifts at once.": "Dat zijn meer dan %(n)d diensten tegelijk.",
        "The last day cannot be before the first.": "De laatste dag kan niet voor de eerste liggen.",
        "The shift must end after it starts.": "De dienst moet eindigen na het begin.",
        "The team already has a shift from %(start)s to %(end)s that day.": "Het team heeft die dag al een dienst van %(start)s tot %(end)s.",
        "This shift is cancelled.": "Deze dienst is afgezegd.",
        "This shift was cancelled.": "Deze dienst is afgezegd.",
        "This team has no members on that day.": "Dit team heeft op die dag geen leden.",
        "This week": "Deze week",
        "Thursday": "donderdag",
        "Tuesday": "dinsdag",
        "Until (last day)": "Tot en met (laatste dag)",
        "Wednesday": "woensdag",
        "Weeks": "Weken",
        "Where the team meets, e.g. the community centre.": "Waar het team verzamelt, bijvoorbeeld het buurthuis.",
        "With": "Met",
        "Without a day chosen, the series repeats on the weekday of the first date.": "Zonder gekozen dag herhaalt de reeks op de weekdag van de eerste datum.",
        "attendance recorded": "aanwezigheid ingevuld",
        "attendance to do": "aanwezigheid invullen",
        "cancelled": "afgezegd",
    }
)

# Walk-list planning (issue 5).
NL.update(
    {
        "A door appears twice in the list.": "Een deur staat twee keer in de lijst.",
        "A door is on a locked list; unlock that list first.": "Een deur staat op een vergrendelde looproute; ontgrendel die eerst.",
        "A list that is done cannot change status.": "Een afgeronde looproute kan niet meer van status veranderen.",
        "A list that is done cannot change.": "Een afgeronde looproute kan niet meer veranderen.",
        "At most %(n)d doors fit in this shift.": "Er passen hoogstens %(n)d deuren in deze dienst.",
        "Doors per hour must be between 1 and 30.": "Deuren per uur moet tussen 1 en 30 liggen.",
        "Every door must be an address of this campaign.": "Elke deur moet een adres van deze campagne zijn.",
        "Every shift must be a planned shift on that day.": "Elke dienst moet een geplande dienst op die dag zijn.",
        "Someone else changed this list in the meantime. Reload it and try again.": "Iemand anders heeft deze looproute intussen gewijzigd. Laad hem opnieuw en probeer het nog eens.",
        "There are no shifts on that day to plan for.": "Er zijn die dag geen diensten om voor te plannen.",
    }
)

# The planning screen (issue 5).
NL.update(
    {
        "%(doors)d doors · %(km)s km · about %(min)d minutes": "%(doors)d deuren · %(km)s km · ongeveer %(min)d minuten",
        "Back to draft": "Terug naar concept",
        "Doors per hour": "Deuren per uur",
        "Lock": "Vergrendelen",
        "Map of the walk lists": "Kaart van de looproutes",
        "Move": "Verplaatsen",
        "Move %(door)s down": "%(door)s omlaag",
        "Move %(door)s to list": "%(door)s naar looproute",
        "Move %(door)s up": "%(door)s omhoog",
        "Plan %(date)s": "Planning voor %(date)s",
        "Plan walk lists": "Looproutes plannen",
        "Planning replaces the draft lists of this day. Locked and published lists stay as they are.": "Plannen vervangt de conceptroutes van deze dag. Vergrendelde en gepubliceerde routes blijven zoals ze zijn.",
        "Publish": "Publiceren",
        "Shifts on this day": "Diensten op deze dag",
        "Show this day": "Deze dag tonen",
        "There are no shifts on this day. Schedule them first.": "Er zijn geen diensten op deze dag. Plan die eerst in.",
        "Unlock": "Ontgrendelen",
        "Walk sheet (PDF)": "Looplijst (PDF)",
        "done": "afgerond",
        "draft": "concept",
        "locked": "vergrendeld",
        "published": "gepubliceerd",
        "room for %(n)d doors": "ruimte voor %(n)d deuren",
    }
)

# Planning screen additions (issue 5).
NL.update(
    {
        "Meeting point latitude": "Breedtegraad verzamelpunt",
        "Meeting point longitude": "Lengtegraad verzamelpunt",
        "Optional: where the walk list starts. Empty: the middle of the doors to do.": "Niet verplicht: waar de looproute begint. Leeg: het midden van de deuren die nog moeten.",
        "Show the doors": "Toon de deuren",
        "These doors may be visited but did not fit in the shifts, or have no coordinates. They come first in a later plan when they rank highest.": "Deze deuren mogen bezocht worden maar pasten niet in de diensten, of hebben geen coördinaten. Ze komen in een latere planning eerst als ze het hoogst scoren.",
    }
)

# Visits (issue 6).
NL.update(
    {
        "A quantity is between 1 and 100.": "Een aantal ligt tussen 1 en 100.",
        "A visit can be corrected for 24 hours; ask your team lead.": "Een bezoek kun je 24 uur lang verbeteren; vraag het daarna aan je teamleider.",
        "Contact details only with consent for follow-up contact.": "Contactgegevens alleen met toestemming voor vervolgcontact.",
        "Household answers belong to a conversation.": "Antwoorden over het huishouden horen bij een gesprek.",
        "Interests and appointments belong to a conversation.": "Interesse en afspraken horen bij een gesprek.",
        "The time of the visit lies in the future.": "De tijd van het bezoek ligt in de toekomst.",
        "This address does not exist.": "Dit adres bestaat niet.",
        "This door is not on one of your walk lists.": "Deze deur staat niet op een van jouw looproutes.",
        "This walk list does not belong to the address.": "Deze looproute hoort niet bij het adres.",
        "Unknown financing option.": "Onbekende financieringsvorm.",
        "Unknown measure: %(keys)s": "Onbekende maatregel: %(keys)s",
    }
)

# The coach's tablet (issue 6): plain B1 Dutch, "je".
NL.update(
    {
        "Age of the heating (years)": "Leeftijd van de verwarming (jaren)",
        "All doors of today": "Alle deuren van vandaag",
        "Appointment": "Afspraak",
        "Check the fields marked in red.": "Kijk de rode velden na.",
        "Come back on": "Terugkomen op",
        "Consent": "Toestemming",
        "Electricity per year (kWh, from the bill)": "Stroom per jaar (kWh, van de rekening)",
        "Every door is done. Well done!": "Alle deuren zijn gedaan. Goed gedaan!",
        "Gas per year (m³, from the bill)": "Gas per jaar (m³, van de rekening)",
        "Household": "Huishouden",
        "Interest per measure": "Interesse per maatregel",
        "Landlord (for tenants)": "Verhuurder (bij huur)",
        "Language spoken": "Gesproken taal",
        "Next door": "Volgende deur",
        "Next steps": "Vervolg",
        "No walk list for today": "Geen looproute voor vandaag",
        "Not home: the whole entrance": "Niet thuis: de hele portiek",
        "Outcome": "Uitkomst",
        "Phone": "Telefoon",
        "Save visit": "Bezoek opslaan",
        "Short note": "Korte notitie",
        "Sign in again to send the visits.": "Log opnieuw in om de bezoeken te versturen.",
        "Small measures installed now": "Kleine maatregelen nu aangebracht",
        "The server did not accept a visit; open it and correct it:": "De server nam een bezoek niet aan; open het en verbeter het:",
        "There are visits not sent yet. Stay signed in until they are sent.": "Er zijn nog bezoeken niet verstuurd. Blijf ingelogd tot ze verstuurd zijn.",
        "Walk list %(team)s, %(start)s–%(end)s": "Looproute %(team)s, %(start)s–%(end)s",
        "Wording version %(v)s": "Tekstversie %(v)s",
        "Your team lead has not published a walk list for today yet.": "Je teamleider heeft nog geen looproute voor vandaag klaargezet.",
        "not home before: %(n)s ×": "eerder niet thuis: %(n)s ×",
        "offline: visits are kept on this tablet": "offline: bezoeken blijven op deze tablet bewaard",
        "online": "online",
        "to go": "te gaan",
        "visits not sent yet": "bezoeken nog niet verstuurd",
    }
)

NL.update({"Map of the doors": "Kaart van de deuren", "entrance": "portiek"})
NL.update(
    {
        "The server did not accept these visits. Correct the visit, or tell your team lead.": "De server nam deze bezoeken niet aan. Verbeter het bezoek, of meld het aan je teamleider.",
        "Correct": "Verbeteren",
        "'%(field)s' looks garbled (%(text)s): save the file as UTF-8 and upload it again.": "'%(field)s' lijkt verminkt (%(text)s): sla het bestand op als UTF-8 en upload het opnieuw.",
        "Do not use your own name or e-mail address in the password.": "Gebruik je eigen naam of e-mailadres niet in het wachtwoord.",
        "This password is too easy to guess. Use three or four words that do not belong together, or a longer sentence.": "Dit wachtwoord is te makkelijk te raden. Gebruik drie of vier woorden die niet bij elkaar horen, of een langere zin.",
        "This employee is in the records until %(day)s (training, shift or visit): the end date cannot be earlier.": "Deze medewerker staat tot %(day)s in de gegevens (opleiding, dienst of bezoek): de einddatum kan niet eerder zijn.",
        "That is not a day (a date from 2000 to 2100, as YYYY-MM-DD).": "Dat is geen dag (een datum van 2000 tot 2100, als JJJJ-MM-DD).",
        "Showing today.": "Je ziet vandaag.",
        "Showing yesterday's letters.": "Je ziet de brieven van gisteren.",
        "Showing this week.": "Je ziet deze week.",
        "Enter both dates of the period as real days (YYYY-MM-DD).": "Vul beide datums van de periode in als echte dagen (JJJJ-MM-DD).",
        "The tablet's clock ran ahead: saved at the time it arrived.": "De klok van de tablet liep voor: opgeslagen op het moment dat het bezoek binnenkwam.",
        "This employee is in the records from %(day)s (team, training, shift or visit): the hiring date cannot be later.": "Deze medewerker staat vanaf %(day)s in de gegevens (team, opleiding, dienst of bezoek): de datum van indiensttreding kan niet later zijn.",
        "Your team lead has closed this walk list. Doors you still log here are kept, and your team lead checks them.": "Je teamleider heeft deze looproute afgesloten. Deuren die je hier nog invoert, worden bewaard en je teamleider controleert ze.",
        "There is no walk list for you today (yet). Ask your team lead.": "Er is (nog) geen looproute voor jou vandaag. Vraag het aan je teamleider.",
        "The server did not accept this visit. Correct it, or tell your team lead.": "De server nam dit bezoek niet aan. Verbeter het, of meld het aan je teamleider.",
        "Logged on another tablet: %(outcome)s. An outcome you tap now is saved as your own visit.": "Genoteerd op een andere tablet: %(outcome)s. Wat je nu kiest, wordt opgeslagen als je eigen bezoek.",
        "summer time": "zomertijd",
        "winter time": "wintertijd",
        "No walk list (none named, or it is gone)": "Geen looproute (geen genoemd, of ze bestaat niet meer)",
        "Only a coach is linked to an employee record; remove the link to give this role.": "Alleen een coach is gekoppeld aan een medewerker; haal de koppeling weg om deze rol te geven.",
        "Only an employer user is linked to an employer; remove the link to give this role.": "Alleen een werkgeversgebruiker is gekoppeld aan een werkgever; haal de koppeling weg om deze rol te geven.",
        "The coach was not on the team of this walk list that day.": "De coach zat die dag niet in het team van deze looproute.",
        "Remove from this tablet": "Van deze tablet verwijderen",
        "Remove this visit from the tablet? It was not saved on the server.": "Dit bezoek van de tablet verwijderen? Het is niet op de server opgeslagen.",
    }
)

# The advice letter (issue 7): plain Dutch, "u" for the household.
NL.update(
    {
        'All figures are indicative, with the year of their source in brackets. Savings are valued at %(gas)s per m³ of gas (price book of %(date)s). "unknown": our sources have no figure for it, and we do not guess.': 'Alle bedragen zijn indicatief, met tussen haakjes het jaar van de bron. Besparingen zijn gerekend met %(gas)s per m³ gas (prijzen van %(date)s). "onbekend": onze bronnen noemen hiervoor geen getal, en wij gaan niet gokken.',
        "Already done at the door": "Al gedaan aan de deur",
        "Ask at least two companies for a quote, for the same work and materials.": "Vraag bij minstens twee bedrijven een offerte, voor hetzelfde werk en dezelfde materialen.",
        "CO<sub>2</sub> kg a year": "CO<sub>2</sub> kg per jaar",
        "Check that the quote mentions the insulation value (Rd or U) needed for the ISDE subsidy.": "Kijk of de offerte de isolatiewaarde (Rd of U) noemt die nodig is voor de ISDE-subsidie.",
        "Choose a company with a quality mark and check reviews from people in your area.": "Kies een bedrijf met een keurmerk en lees ervaringen van mensen uit uw buurt.",
        "Dear residents,": "Beste bewoners,",
        "How to choose a contractor": "Zo kiest u een bedrijf",
        "Investment": "Investering",
        "Kind regards,": "Met vriendelijke groet,",
        "Measure": "Maatregel",
        "On %(date)s you spoke with %(coach)s of the E-team at your door. Thank you for your time. Below are the measures that fit your home, with what they cost and what they save.": "Op %(date)s sprak u aan de deur met %(coach)s van het E-team. Dank u wel voor uw tijd. Hieronder staan de maatregelen die bij uw woning passen, met wat ze kosten en wat ze opleveren.",
        "Paying for it": "Zo betaalt u het",
        "Pays back in (years)": "Terugverdiend in (jaren)",
        "Questions? Mail us at %(mail)s or ask the E-team when they are in your street.": "Vragen? Mail ons op %(mail)s of vraag het aan het E-team als ze in uw straat zijn.",
        "Saves a year": "Bespaart per jaar",
        "Subsidy (ISDE)": "Subsidie (ISDE)",
        "The E-team": "Het E-team",
        "The E-teams programme keeps your answers to make this advice, because you agreed to it at the door. We keep them until at most one year after the campaign in your neighbourhood and share them with no one. You may see, correct or have your data erased, and withdraw your consent, by mailing %(mail)s. You can also complain to the Autoriteit Persoonsgegevens.": "Het programma E-teams bewaart uw antwoorden om dit advies te maken, omdat u daar aan de deur toestemming voor gaf. We bewaren ze tot uiterlijk een jaar na de actie in uw wijk en delen ze met niemand. U mag uw gegevens inzien, laten verbeteren of laten wissen, en uw toestemming intrekken: mail naar %(mail)s. U kunt ook een klacht indienen bij de Autoriteit Persoonsgegevens.",
        "The residents of": "De bewoners van",
        "Two measures, twice the subsidy": "Twee maatregelen, dubbele subsidie",
        "We will come back around %(date)s.": "We komen rond %(date)s bij u terug.",
        "When you take two insulation measures, or insulation and a heat pump, within 24 months, ISDE pays twice the amount per m² for the insulation. The amounts above already count on that.": "Neemt u binnen 24 maanden twee isolatiemaatregelen, of isolatie en een warmtepomp, dan betaalt de ISDE het dubbele bedrag per m² voor de isolatie. De bedragen hierboven rekenen daar al mee.",
        "You rent your home. The bigger measures are for %(landlord)s to decide: use this letter to talk to them about it. The small measures you can take yourself.": "U huurt uw woning. Over de grote maatregelen beslist %(landlord)s: gebruik deze brief om erover in gesprek te gaan. De kleine maatregelen kunt u zelf nemen.",
        "You told us you use about %(gas)s m³ of gas and %(kwh)s kWh of electricity a year.": "U vertelde dat u ongeveer %(gas)s m³ gas en %(kwh)s kWh stroom per jaar gebruikt.",
        "Your personal energy advice": "Uw persoonlijk energieadvies",
        "Your privacy": "Uw privacy",
        "gas": "gas",
        "of": "van",
        "per m²": "per m²",
        "unknown": "onbekend",
        "your landlord": "uw verhuurder",
        "€ a year": "€ per jaar",
    }
)
NL.update(
    {
        "Advice letters of %(date)s": "Adviesbrieven van %(date)s",
        "Date of the visits": "Datum van de bezoeken",
        "Letter": "Brief",
        "Mark all as sent": "Alles markeren als verstuurd",
        "No conversations with consent for a letter on this day.": "Geen gesprekken met toestemming voor een brief op deze dag.",
        "Sent": "Verstuurd",
        "Visit": "Bezoek",
        "make letter (PDF)": "brief maken (PDF)",
    }
)
NL.update(
    {
        "Energy coaches in your neighbourhood": "Energiecoaches in uw wijk",
        "Advice letter (PDF)": "Adviesbrief (PDF)",
    }
)

# The catalogue (issue 7).
NL.update(
    {
        "A letter uses the price book in force on the day of the visit. Price books are never changed; add a new one from a date.": "Een brief gebruikt de prijzen die golden op de dag van het bezoek. Prijslijsten worden nooit gewijzigd; voeg een nieuwe toe vanaf een datum.",
        "A measure needs a Dutch and an English name.": "Een maatregel heeft een Nederlandse en een Engelse naam nodig.",
        "Add price book": "Prijslijst toevoegen",
        "Amounts and conditions; null where a figure was not found.": "Bedragen en voorwaarden; null waar een getal niet is gevonden.",
        "CO2 per kWh (kg)": "CO2 per kWh (kg)",
        "CO2 per m³ gas (kg)": "CO2 per m³ gas (kg)",
        "Catalogue": "Catalogus",
        "Description (Dutch)": "Beschrijving (Nederlands)",
        "Description (English)": "Beschrijving (Engels)",
        "Electricity (€/kWh)": "Stroom (€/kWh)",
        "Electricity price (€ per kWh)": "Stroomprijs (€ per kWh)",
        "Electricity saved a year (kWh)": "Stroom bespaard per jaar (kWh)",
        "Figures that are empty were not found in our sources: letters show them as unknown.": "Lege getallen zijn niet gevonden in onze bronnen: brieven tonen ze als onbekend.",
        "Financing option saved.": "Financieringsvorm opgeslagen.",
        "Financing options": "Financieringsvormen",
        "Gas (€/m³)": "Gas (€/m³)",
        "Gas price (€ per m³)": "Gasprijs (€ per m³)",
        "Gas saved a year (m³)": "Gas bespaard per jaar (m³)",
        "Highest investment (€)": "Hoogste investering (€)",
        "In use": "In gebruik",
        "Lifetime (years)": "Levensduur (jaren)",
        "Lowest investment (€)": "Laagste investering (€)",
        "Measure saved.": "Maatregel opgeslagen.",
        "Measures": "Maatregelen",
        "Name (Dutch)": "Naam (Nederlands)",
        "Name (English)": "Naam (Engels)",
        "Negative when the measure uses electricity, as a heat pump does.": "Negatief als de maatregel stroom gebruikt, zoals een warmtepomp.",
        "Price book added.": "Prijslijst toegevoegd.",
        "Price books": "Prijslijsten",
        "Rules (JSON)": "Regels (JSON)",
        "Source": "Bron",
        "The highest investment cannot be below the lowest.": "De hoogste investering kan niet lager zijn dan de laagste.",
        "There is already a price book from this date.": "Er is al een prijslijst vanaf deze datum.",
        "Unit": "Eenheid",
        "Valid from": "Geldig vanaf",
        'Write the rules as a JSON object, like {"min_eur": 1000}.': 'Schrijf de regels als JSON-object, zoals {"min_eur": 1000}.',
        "Year of the source": "Jaar van de bron",
        "not in use": "niet in gebruik",
        "Enter both dates of the period.": "Vul beide datums van de periode in.",
        "The period starts after it ends.": "De periode begint na het einde.",
        "Report period": "Periode van het rapport",
        "To": "Tot en met",
        "Use this period": "Deze periode gebruiken",
        "Placement report %(start)s – %(end)s (PDF)": "Plaatsingsrapportage %(start)s – %(end)s (PDF)",
        "Doors": "Deuren",
        "Conversations": "Gesprekken",
        "Jobs by the banenafspraak (25.5 paid hours a week is one job, the doelgroepregister only)": "Banen volgens de banenafspraak (25,5 verloonde uren per week is één baan, alleen het doelgroepregister)",
        "Outflow to regular work": "Uitstroom naar regulier werk",
        "Retention after %(n)d months": "Behoud na %(n)d maanden",
        "Bar chart: doors and conversations per employee. The figures are in the table below.": "Staafdiagram: deuren en gesprekken per medewerker. De cijfers staan in de tabel hieronder.",
        "Doors and conversations per employee in this period": "Deuren en gesprekken per medewerker in deze periode",
        "Doors planned": "Deuren gepland",
        "Doors done": "Deuren gedaan",
        "Households interested": "Huishoudens met interesse",
        "Today, %(date)s": "Vandaag, %(date)s",
        "Bar chart: doors planned, doors done and conversations per team today. The figures are in the table below.": "Staafdiagram: deuren gepland, deuren gedaan en gesprekken per team vandaag. De cijfers staan in de tabel hieronder.",
        "Someone opened at %(percent)d %% of the doors; usually it is a third to a half. Check the outcomes with the team.": "Bij %(percent)d %% van de deuren deed iemand open; meestal is dat een derde tot de helft. Bekijk de uitkomsten met het team.",
        "%(n)d doors in other buildings were logged seconds apart. Were they visited, or entered afterwards?": "%(n)d deuren in andere gebouwen zijn binnen enkele seconden na elkaar ingevoerd. Zijn ze bezocht, of achteraf ingevuld?",
        "Programme": "Programma",
        "Programme report": "Programmarapportage",
        "Jobs": "Banen",
        "People employed": "Mensen in dienst",
        "Neighbourhoods": "Wijken",
        "Households reached (someone opened)": "Huishoudens bereikt (iemand deed open)",
        "Advice letters sent": "Adviesbrieven verstuurd",
        "Yearly saving if interested households follow through": "Besparing per jaar als huishoudens met interesse het doen",
        "tonnes CO₂": "ton CO₂",
        "€ a year": "€ per jaar",
        "kg CO₂ a year": "kg CO₂ per jaar",
        "No interest recorded in this period.": "Geen interesse vastgelegd in deze periode.",
        "Bar chart: households interested and maybe interested per measure. The figures are in the table below.": "Staafdiagram: huishoudens met interesse en misschien per maatregel. De cijfers staan in de tabel hieronder.",
        "Savings use each measure's yearly gas and electricity saving from the catalogue and the price book valid at the end of the period. “—” means a figure is missing (e.g. no electricity price): those measures are not in the total.": "De besparing gebruikt per maatregel de gas- en stroombesparing per jaar uit de catalogus en de prijslijst die geldt op de laatste dag van de periode. “—” betekent dat een cijfer ontbreekt (bijvoorbeeld geen stroomprijs): die maatregelen tellen niet mee in het totaal.",
        "Worth celebrating this week": "Om te vieren deze week",
        "%(n)d conversations since the start!": "%(n)d gesprekken sinds de start!",
        "The most conversations of all teams this week: %(n)d.": "De meeste gesprekken van alle teams deze week: %(n)d.",
        "The first heat-pump appointment in %(street)s!": "De eerste warmtepomp-afspraak in %(street)s!",
        "Same figures for a spreadsheet (CSV)": "Dezelfde cijfers voor een rekenblad (CSV)",
        "Amount per 36-hour year, by target group (€)": "Bedrag per jaar van 36 uur, per doelgroep (€)",
        "Bonus per 36-hour year: 50 or older": "Bonus per jaar van 36 uur: 50 jaar of ouder",
        "Bonus per 36-hour year: status holder": "Bonus per jaar van 36 uur: statushouder",
        "Bonus per 36-hour year: younger than 27": "Bonus per jaar van 36 uur: jonger dan 27",
        "Bonuses (€)": "Bonussen (€)",
        "Counted pro rata: hours per week / 36 × months employed / 12.": "Telt naar rato: uren per week / 36 × maanden in dienst / 12.",
        "Each municipality sets what a job is worth: an amount per 36-hour year by target group, and bonuses. A placement report uses the version valid on the last day of its period and prints every rule in its appendix. Versions are never changed; save a new version from a date.": "Elke gemeente bepaalt wat een baan waard is: een bedrag per jaar van 36 uur per doelgroep, en bonussen. Een plaatsingsrapportage gebruikt de versie die geldt op de laatste dag van de periode en drukt elke regel af in de bijlage. Versies worden nooit gewijzigd; sla een nieuwe versie op vanaf een datum.",
        "Employers in these municipalities get no social-return value until you add a rule table:": "Werkgevers in deze gemeenten krijgen geen social-returnwaarde tot u een regeltabel toevoegt:",
        "Enter an amount from 0 to 1,000,000 euros.": "Vul een bedrag in van 0 tot 1.000.000 euro.",
        "Enter the amounts as the municipality publishes them. Leave an amount empty when it does not apply: a target group without an amount adds no value.": "Vul de bedragen in zoals de gemeente ze publiceert. Laat een bedrag leeg als het niet geldt: een doelgroep zonder bedrag telt niet mee.",
        "Enter the yearly amount for at least one target group.": "Vul voor minstens één doelgroep het jaarbedrag in.",
        "New rule table version": "Nieuwe versie van de regeltabel",
        "New version for %(m)s": "Nieuwe versie voor %(m)s",
        "No rule tables yet.": "Nog geen regeltabellen.",
        "Once per certificate obtained in the period": "Eenmalig per certificaat behaald in de periode",
        "Once: left for regular work in the period": "Eenmalig: uitgestroomd naar regulier werk in de periode",
        "Rule": "Regel",
        "Rule table for another municipality": "Regeltabel voor een andere gemeente",
        "Save as a new version": "Opslaan als nieuwe versie",
        "Social return": "Social return",
        "Social return (SROI)": "Social return (SROI)",
        "Social return (SROI) rule tables": "Regeltabellen social return (SROI)",
        "This municipality already has rules from this date.": "Deze gemeente heeft al regels vanaf deze datum.",
        "Unknown rule.": "Onbekende regel.",
        "Version %(v)d of %(m)s saved.": "Versie %(v)d van %(m)s opgeslagen.",
        "Where the amounts come from, e.g. the council decision and its date.": "Waar de bedragen vandaan komen, bijvoorbeeld het raadsbesluit en de datum.",
        "from %(day)s": "vanaf %(day)s",
        "not calculated: no rule table for %(m)s": "niet berekend: geen regeltabel voor %(m)s",
        "per 36-hour year": "per jaar van 36 uur",
        "rules of %(m)s, version %(v)d": "regels van %(m)s, versie %(v)d",
        "version %(n)d": "versie %(n)d",
        "Your session has ended. Please sign in again.": "Uw sessie is beëindigd. Log opnieuw in.",
        "Signed in": "Ingelogd",
        "Failed sign-in": "Mislukte inlogpoging",
        "Signed out": "Uitgelogd",
        "User saved": "Gebruiker opgeslagen",
        "Role changed": "Rol gewijzigd",
        "User activated": "Gebruiker geactiveerd",
        "User deactivated": "Gebruiker gedeactiveerd",
        "Employer saved": "Werkgever opgeslagen",
        "Employee saved": "Medewerker opgeslagen",
        "Training added": "Opleiding toegevoegd",
        "Team saved": "Team opgeslagen",
        "Shift scheduled": "Dienst ingepland",
        "Shifts scheduled": "Diensten ingepland",
        "Shift moved": "Dienst verplaatst",
        "Shift cancelled": "Dienst geannuleerd",
        "Attendance recorded": "Aanwezigheid vastgelegd",
        "Attendance corrected": "Aanwezigheid gecorrigeerd",
        "Campaign saved": "Campagne opgeslagen",
        "Addresses imported": "Adressen geïmporteerd",
        "Addresses geocoded": "Adressen op de kaart gezet",
        "Address placed on the map": "Adres handmatig op de kaart geplaatst",
        "Marked do not visit": "Gemarkeerd als niet bezoeken",
        "Walk lists planned": "Looproutes gepland",
        "Walk list changed": "Looproute gewijzigd",
        "Advice letter downloaded": "Adviesbrief gedownload",
        "Advice letters printed": "Adviesbrieven afgedrukt",
        "Advice letters marked as sent": "Adviesbrieven als verstuurd gemarkeerd",
        "Household data exported": "Huishoudgegevens geëxporteerd",
        "Household data erased": "Huishoudgegevens gewist",
        "Expired data purged": "Verlopen gegevens verwijderd",
        "Placement report downloaded": "Plaatsingsrapportage gedownload",
        "Measure saved": "Maatregel opgeslagen",
        "Financing option saved": "Financieringsvorm opgeslagen",
        "Price book added": "Prijslijst toegevoegd",
        "Social-return rules added": "Social-returnregels toegevoegd",
        "Backup made": "Back-up gemaakt",
        "Audit log": "Auditlog",
        "Sensitive actions: sign-ins, exports, erasures, report downloads, role changes, attendance corrections and more. It records who, what and which record (by number), never a household's or employee's personal data.": "Gevoelige handelingen: inloggen, exports, wissen, gedownloade rapportages, rolwijzigingen, correcties van aanwezigheid en meer. Vastgelegd wordt wie, wat en welk record (met nummer), nooit persoonsgegevens van een huishouden of medewerker.",
        "“%(text)s” is not a date; use the date picker.": "“%(text)s” is geen datum; gebruik de datumkiezer.",
        "Filter the audit log": "Auditlog filteren",
        "Action": "Handeling",
        "All actions": "Alle handelingen",
        "All users": "Alle gebruikers",
        "Show": "Tonen",
        "When": "Wanneer",
        "Record": "Record",
        "Details": "Details",
        "Older events": "Oudere gebeurtenissen",
        "No events match.": "Geen gebeurtenissen gevonden.",
        "User": "Gebruiker",
        "Backup restored": "Back-up teruggezet",
        "Enter a date between %(first)s and %(last)s.": "Vul een datum in tussen %(first)s en %(last)s.",
        "The row contains control characters; remove them and try again.": "De rij bevat stuurtekens; verwijder ze en probeer het opnieuw.",
    }
)

# Issue 13: one walk list per shift, "do not visit" confirmed and undone, logout guard, letters.
NL.update(
    {
        "The shift of %(team)s on %(date)s, %(start)s–%(end)s already has a walk list of campaign %(campaign)s. Leave that shift out, or remove that list first.": "De dienst van %(team)s op %(date)s, %(start)s–%(end)s heeft al een looproute van campagne %(campaign)s. Laat die dienst weg, of verwijder eerst die looproute.",
        "already has a walk list of campaign %(campaign)s": "heeft al een looproute van campagne %(campaign)s",
        "Cancel": "Annuleren",
        "Visits not sent yet": "Bezoeken nog niet verstuurd",
        "1 visit is not sent yet. Stay signed in until it is sent: after signing out it waits on this tablet until you sign in here again.": "1 bezoek is nog niet verstuurd. Blijf ingelogd tot het verstuurd is: na uitloggen wacht het op deze tablet tot je hier weer inlogt.",
        "%(n)s visits are not sent yet. Stay signed in until they are sent: after signing out they wait on this tablet until you sign in here again.": "%(n)s bezoeken zijn nog niet verstuurd. Blijf ingelogd tot ze verstuurd zijn: na uitloggen wachten ze op deze tablet tot je hier weer inlogt.",
        "Sign out anyway": "Toch uitloggen",
        "No connection with the server: you cannot sign out now. Your visits stay on this tablet; try again when you have network.": "Geen verbinding met de server: je kunt nu niet uitloggen. Je bezoeken blijven op deze tablet; probeer het opnieuw als je netwerk hebt.",
        "Never visit this address again?": "Dit adres nooit meer bezoeken?",
        "%(door)s will not be planned again. Only choose this when the household asks for it.": "%(door)s wordt niet meer ingepland. Kies dit alleen als de bewoners daarom vragen.",
        "Yes, do not visit": "Ja, niet bezoeken",
        "Logged: %(outcome)s. Tap another outcome to correct it.": "Genoteerd: %(outcome)s. Tik op een andere uitkomst om het te verbeteren.",
    }
)

# Visits from the field the lead checks (issue 13, findings 4 and 9).
NL.update(
    {
        "This walk list is not one of your team's.": "Deze looproute is niet van jouw team.",
        "This walk list no longer exists.": "Deze looproute bestaat niet meer.",
        "The door is not on this walk list (any more).": "De deur staat niet (meer) op deze looproute.",
        "The walk list was already marked done.": "De looproute was al op klaar gezet.",
        "The walk list was re-planned or taken back to draft.": "De looproute is opnieuw gepland of terug naar concept gezet.",
        "The visit arrived after the day of the walk list.": "Het bezoek kwam binnen na de dag van de looproute.",
        "The time of the visit lies far from the shift.": "De tijd van het bezoek ligt ver buiten de dienst.",
        "The address was already marked do not visit.": "Het adres stond al op niet bezoeken.",
        "Visit from the field reviewed": "Bezoek uit het veld gecontroleerd",
        "Visits to check": "Te controleren bezoeken",
        "Visits to check: %(n)d": "Te controleren bezoeken: %(n)d",
        "These visits came in from the field and were saved, but something about them looks wrong. Check each one and mark it reviewed.": "Deze bezoeken kwamen uit het veld binnen en zijn opgeslagen, maar er lijkt iets niet te kloppen. Controleer ze een voor een en zet ze op gecontroleerd.",
        "Walk list": "Looproute",
        "Why check": "Waarom controleren",
        "Mark reviewed": "Gecontroleerd",
        "Visit marked as reviewed.": "Bezoek op gecontroleerd gezet.",
        "Nothing to check: every visit from the field fits its walk list.": "Niets te controleren: elk bezoek uit het veld past bij zijn looproute.",
    }
)

# References that point at nothing (issue 13, finding 6).
NL.update(
    {
        "This employer does not exist.": "Deze werkgever bestaat niet.",
        "This employee does not exist.": "Deze medewerker bestaat niet.",
    }
)

# The API's own messages and marshmallow's, in Dutch (issue 13 review: they were English).
NL.update(
    {
        "Some fields are not valid.": "Niet alle velden zijn goed ingevuld.",
        "Choose one of your own teams.": "Kies een van je eigen teams.",
        "No letter: the household did not ask for one.": "Geen brief: het huishouden heeft er niet om gevraagd.",
        "Remove the control or broken characters.": "Haal de stuurtekens of kapotte tekens weg.",
        "%(n)d rows cannot be imported; nothing was imported.": "%(n)d rijen kunnen niet worden ingelezen; er is niets ingelezen.",
        "Ask for at most five years at a time.": "Vraag hoogstens vijf jaar tegelijk op.",
        "Not found.": "Niet gevonden.",
        "This field is required.": "Dit veld is verplicht.",
        "This field may not be empty (null).": "Dit veld mag niet leeg (null) zijn.",
        "Unknown field.": "Onbekend veld.",
        "The body must be a JSON object.": "De inhoud moet een JSON-object zijn.",
        "Not a valid value for this field.": "Geen geldige waarde voor dit veld.",
        "Not a whole number.": "Geen geheel getal.",
        "Not a number.": "Geen getal.",
        "This number is too large.": "Dit getal is te groot.",
        "Not a text.": "Geen tekst.",
        "Not true or false.": "Niet waar of onwaar (true of false).",
        "Not a valid date (YYYY-MM-DD).": "Geen geldige datum (JJJJ-MM-DD).",
        "Not a valid time (YYYY-MM-DDTHH:MM:SS+01:00).": "Geen geldig tijdstip (JJJJ-MM-DDTUU:MM:SS+01:00).",
        "Give the time with its offset, e.g. +01:00.": "Geef het tijdstip met de tijdzone, bijvoorbeeld +01:00.",
        "Not a valid time of day (HH:MM).": "Geen geldige tijd (UU:MM).",
        "Not a valid UUID.": "Geen geldige UUID.",
        "Not a valid e-mail address.": "Geen geldig e-mailadres.",
        "Not a list.": "Geen lijst.",
        "Not an object.": "Geen object.",
        "Choose one of: %(choices)s.": "Kies een van: %(choices)s.",
        "At most %(max)s characters.": "Hoogstens %(max)s tekens.",
        "At least %(min)s characters.": "Minstens %(min)s tekens.",
        "Between %(min)s and %(max)s long.": "Tussen %(min)s en %(max)s tekens lang.",
        "Between %(min)s and %(max)s.": "Tussen %(min)s en %(max)s.",
        "At least %(min)s.": "Minstens %(min)s.",
        "At most %(max)s.": "Hoogstens %(max)s.",
        "More than %(min)s and at most %(max)s.": "Meer dan %(min)s en hoogstens %(max)s.",
        "At least %(min)s and less than %(max)s.": "Minstens %(min)s en minder dan %(max)s.",
        "More than %(min)s and less than %(max)s.": "Meer dan %(min)s en minder dan %(max)s.",
        "More than %(min)s.": "Meer dan %(min)s.",
        "Less than %(max)s.": "Minder dan %(max)s.",
    }
)

# Counted messages (ngettext): the English singular, then the Dutch (one, more).
NL.update(
    {
        "Print the %(n)d letter (one PDF)": (
            "De brief printen (één PDF)",
            "Alle %(n)d brieven printen (één PDF)",
        ),
        "%(n)d letter marked as sent.": (
            "%(n)d brief gemarkeerd als verstuurd.",
            "%(n)d brieven gemarkeerd als verstuurd.",
        ),
        "%(n)d address imported.": ("%(n)d adres geïmporteerd.", "%(n)d adressen geïmporteerd."),
        "%(n)d address imported": ("%(n)d adres geïmporteerd", "%(n)d adressen geïmporteerd"),
        "%(n)d row skipped as a duplicate": (
            "%(n)d rij overgeslagen: dubbel",
            "%(n)d rijen overgeslagen: dubbel",
        ),
        "%(n)d row": ("%(n)d rij", "%(n)d rijen"),
        "%(n)d row has a problem. Fix it in the file and upload it again.": (
            "%(n)d rij heeft een probleem. Verbeter die in het bestand en upload het opnieuw.",
            "%(n)d rijen hebben een probleem. Verbeter ze in het bestand en upload het opnieuw.",
        ),
        "… and %(n)d more row.": ("… en nog %(n)d rij.", "… en nog %(n)d rijen."),
        "Import %(n)d row": ("%(n)d rij importeren", "%(n)d rijen importeren"),
        "%(n)d shift scheduled.": ("%(n)d dienst ingepland.", "%(n)d diensten ingepland."),
        "%(n)d address has no coordinates yet.": (
            "%(n)d adres heeft nog geen coördinaten.",
            "%(n)d adressen hebben nog geen coördinaten.",
        ),
        "%(n)d address could not be found: place it by hand": (
            "%(n)d adres is niet gevonden: zet het met de hand op de kaart",
            "%(n)d adressen zijn niet gevonden: zet ze met de hand op de kaart",
        ),
        "%(n)d door may be visited that day (never visited, not home fewer than 3 times and not in the last 2 days, or a follow-up due).": (
            "%(n)d deur mag die dag bezocht worden (nooit bezocht, minder dan 3 keer niet thuis en niet in de laatste 2 dagen, of een afspraak om terug te komen).",
            "%(n)d deuren mogen die dag bezocht worden (nooit bezocht, minder dan 3 keer niet thuis en niet in de laatste 2 dagen, of een afspraak om terug te komen).",
        ),
        "Not planned (%(n)d door)": ("Niet gepland (%(n)d deur)", "Niet gepland (%(n)d deuren)"),
        "%(n)d walk list planned.": ("%(n)d looproute gepland.", "%(n)d looproutes gepland."),
        "%(n)d door did not fit.": (
            "%(n)d deur paste er niet meer in.",
            "%(n)d deuren pasten er niet meer in.",
        ),
    }
)

NL.update(
    {
        "Too many attempts. Try again in %(n)d second.": (
            "Te veel pogingen. Probeer het over %(n)d seconde opnieuw.",
            "Te veel pogingen. Probeer het over %(n)d seconden opnieuw.",
        ),
    }
)

NL.update(
    {
        "No connection": "Geen verbinding",
        "This tablet has no network, and nobody is signed in on it. Sign in as soon as there "
        "is network again; after that your walk list also works without network.": (
            "Deze tablet heeft geen netwerk en er is niemand ingelogd. Log in zodra er weer "
            "netwerk is; daarna werkt je looplijst ook zonder netwerk."
        ),
    }
)

NL.update(
    {
        "A token lets a script use the API with the rights of its user, until it expires or is "
        "revoked. A token of a user who is deactivated stops working too.": (
            "Met een token gebruikt een script de API met de rechten van de gebruiker, tot het "
            "token verloopt of wordt ingetrokken. Het token van een gebruiker die op inactief "
            "wordt gezet, werkt ook niet meer."
        ),
        "A token lives from %(low)d to %(high)d days.": "Een token werkt %(low)d tot %(high)d dagen.",
        "API tokens": "API-tokens",
        "Actions": "Acties",
        "All tokens": "Alle tokens",
        "Copy it now: it is shown only this once, and only its fingerprint is kept.": (
            "Kopieer het nu: het wordt alleen deze keer getoond, en alleen een vingerafdruk "
            "ervan wordt bewaard."
        ),
        "For": "Voor",
        "For example: the weekly export script. Shown in the token lists.": (
            "Bijvoorbeeld: het wekelijkse exportscript. Staat in de lijsten van tokens."
        ),
        "Last used": "Laatst gebruikt",
        "Made": "Gemaakt",
        "Make a token": "Een token maken",
        "Make token": "Token maken",
        "No API tokens.": "Geen API-tokens.",
        "Revoke": "Intrekken",
        "Scripts that use the API in your name. Revoke a token you no longer use, or one that "
        "may have been seen by someone else.": (
            "Scripts die de API namens jou gebruiken. Trek een token in dat je niet meer "
            "gebruikt, of dat iemand anders gezien kan hebben."
        ),
        "Sign in or send a bearer token.": "Log in of stuur een bearer-token mee.",
        "State": "Status",
        "The new token": "Het nieuwe token",
        "The token no longer works.": "Het token werkt niet meer.",
        "This API token has expired or was revoked. Ask an admin for a new one.": (
            "Dit API-token is verlopen of ingetrokken. Vraag een beheerder om een nieuw token."
        ),
        "This user is not active.": "Deze gebruiker is niet actief.",
        "What it is for": "Waarvoor",
        "Works for (days)": "Werkt (dagen)",
        "Works until": "Werkt tot",
        "Your API tokens": "Jouw API-tokens",
        "expired": "verlopen",
        "never": "nooit",
        "revoked": "ingetrokken",
        "works": "werkt",
    }
)

NL.update(
    {
        "Password changed": "Wachtwoord gewijzigd",
        "API token made": "API-token gemaakt",
        "API token revoked": "API-token ingetrokken",
    }
)

NL.update(
    {
        "%(door)s is not visited any more (do not visit) and cannot be planned.": (
            "%(door)s wordt niet meer bezocht (niet bezoeken) en kan niet worden ingepland."
        ),
    }
)

NL.update(
    {
        "This visit could not be kept on the tablet. Reload the page and record it again.": (
            "Dit bezoek kon niet op de tablet worden bewaard. Laad de pagina opnieuw en leg "
            "het nog een keer vast."
        ),
    }
)

NL.update(
    {"'%(field)s' is longer than %(n)d characters.": "'%(field)s' is langer dan %(n)d tekens."}
)

NL.update({"A whole number of days, 1 to 366.": "Een heel aantal dagen, 1 tot en met 366."})

NL.update(
    {
        "Your session has ended. Save this visit (it waits on the tablet), then sign in again.": (
            "Je sessie is afgelopen. Sla dit bezoek op (het wacht op de tablet) en log daarna "
            "opnieuw in."
        ),
        "This tablet holds 1 visit that was not sent yet. It is sent when the coach who "
        "recorded it signs in here again: do not clear this tablet until then.": (
            "Op deze tablet staat 1 bezoek dat nog niet is verstuurd. Het wordt verstuurd zodra "
            "de coach die het vastlegde hier weer inlogt: wis deze tablet tot dan niet."
        ),
        "This tablet holds %(n)s visits that were not sent yet. They are sent when the coach "
        "who recorded them signs in here again: do not clear this tablet until then.": (
            "Op deze tablet staan %(n)s bezoeken die nog niet zijn verstuurd. Ze worden "
            "verstuurd zodra de coach die ze vastlegde hier weer inlogt: wis deze tablet tot "
            "dan niet."
        ),
    }
)

NL.update(
    {
        "On %(date)s you spoke with the E-team at your door. Thank you for your time. Below are "
        "the measures that fit your home, with what they cost and what they save.": (
            "Op %(date)s sprak u aan de deur met het E-team. Dank u wel voor uw tijd. Hieronder "
            "staan de maatregelen die bij uw woning passen, met wat ze kosten en wat ze opleveren."
        ),
    }
)

NL.update(
    {
        "We made an appointment with you on %(date)s at %(time)s.": (
            "We hebben met u afgesproken op %(date)s om %(time)s."
        ),
    }
)

# Issue 15: the advice letter as a short personal maatwerkadvies (B1 Dutch).
NL.update(
    {
        " (we assumed %(m2)s m²)": " (wij rekenden met %(m2)s m²)",
        "“Dear %(landlord)s, an energy coach visited our home at %(address)s. Our home could use less energy with %(measures)s. Could you tell us whether and when you plan this? Kind regards, …”": "“Beste %(landlord)s, een energiecoach is bij ons thuis geweest, %(address)s. Onze woning kan minder energie gebruiken met %(measures)s. Kunt u ons laten weten of en wanneer u dat van plan bent? Met vriendelijke groet, …”",
        "%(eur)s a year": "%(eur)s per jaar",
        "%(gas)s m³ gas": "%(gas)s m³ gas",
        "%(gas)s m³ of gas": "%(gas)s m³ gas",
        "%(kwh)s kWh": "%(kwh)s kWh",
        "%(kwh)s kWh of electricity": "%(kwh)s kWh stroom",
        "%(n)s solar panels": "%(n)s zonnepanelen",
        "%(rate)s per m²": "%(rate)s per m²",
        "5 minutes under the shower instead of 9": "5 minuten douchen in plaats van 9",
        "A crawl space under the floor is needed.": "Er is een kruipruimte onder de vloer nodig.",
        "A good moment": "Een goed moment",
        "A message for your landlord": "Een bericht voor uw verhuurder",
        "A specialist first checks that your wall has a cavity that can be filled: houses built before 1930 often have solid walls.": "Een vakman kijkt eerst of uw muur een spouw heeft die gevuld kan worden: huizen van vóór 1930 hebben vaak een massieve muur.",
        "A well-insulated home needs fresh air: keep grilles open or have mechanical ventilation fitted. Ask an installer for a quote.": "Een goed geïsoleerd huis heeft frisse lucht nodig: houd roosters open of laat mechanische ventilatie plaatsen. Vraag een installateur om een offerte.",
        "About each step": "Over elke stap",
        "All figures are estimates for a home like yours; the year of each source is in brackets.": "Alle bedragen zijn schattingen voor een woning zoals de uwe; het jaar van elke bron staat tussen haakjes.",
        "All together": "Alles samen",
        "Already done at the door: %(what)s.": "Al gedaan tijdens het bezoek: %(what)s.",
        "An all-electric heat pump replaces the gas boiler. What it saves depends on your home: an installer calculates it.": "Een volledig elektrische warmtepomp vervangt de cv-ketel. Wat die bespaart, hangt af van uw woning: een installateur rekent het voor u uit.",
        "Ask your VvE to put the building's insulation and solar panels on the agenda of the next meeting. The VvE first needs an energy assessment of the whole building.": "Vraag uw VvE om isolatie en zonnepanelen voor het gebouw op de agenda van de volgende vergadering te zetten. De VvE heeft eerst een energieadvies voor het hele gebouw nodig.",
        "Check that the quote names the insulation value (Rd or U) the ISDE subsidy asks for.": "Kijk of de offerte de isolatiewaarde (Rd of U) noemt die nodig is voor de ISDE-subsidie.",
        "Free advice nearby: the energy desk (energieloket) of your municipality.": "Gratis advies dichtbij: het energieloket van uw gemeente.",
        "HR++ glass is put in your existing frames; less cold near the windows.": "HR++ glas komt in uw huidige kozijnen; het is minder koud bij de ramen.",
        "Homes built from 1975 on often have some wall insulation already: a specialist checks whether more pays.": "Huizen van 1975 en later hebben vaak al wat isolatie in de muur: een vakman kijkt of meer isoleren loont.",
        "How to choose a company": "Zo kiest u een bedrijf",
        "ISDE subsidy": "ISDE-subsidie",
        "ISDE subsidy: %(one)s for this measure alone%(area)s, %(two)s if you take a second insulation measure or a heat pump within 24 months.": "ISDE-subsidie: %(one)s voor deze maatregel alleen%(area)s, %(two)s als u binnen 24 maanden ook een tweede isolatiemaatregel of een warmtepomp neemt.",
        "ISDE subsidy: %(rate)s per m², twice that if you take a second insulation measure or a heat pump within 24 months.": "ISDE-subsidie: %(rate)s per m², het dubbele als u binnen 24 maanden ook een tweede isolatiemaatregel of een warmtepomp neemt.",
        "ISDE subsidy: about %(amount)s, %(bonus)s more for the most efficient class (A+++).": "ISDE-subsidie: ongeveer %(amount)s, %(bonus)s meer voor de zuinigste klasse (A+++).",
        "ISDE, step by step: 1. ask quotes; 2. have a company do the work and keep the invoice and proof of payment; 3. apply at rvo.nl/isde within 24 months after the first measure.": "ISDE, stap voor stap: 1. vraag offertes; 2. laat een bedrijf het werk doen en bewaar de factuur en het betaalbewijs; 3. vraag de subsidie aan op rvo.nl/isde, binnen 24 maanden na de eerste maatregel.",
        "In this letter you will find what fits your home, in the order that works best, with what it costs and what it saves.": "In deze brief leest u wat bij uw woning past, in de volgorde die het beste werkt, met wat het kost en wat het oplevert.",
        "It depends on your heating now: an installer checks.": "Dat hangt af van uw verwarming nu: een installateur kijkt dat na.",
        "It only works well in a well-insulated home: insulate first. Until then a hybrid heat pump is the step that fits.": "Die werkt alleen goed in een goed geïsoleerd huis: eerst isoleren. Tot dan past een hybride warmtepomp beter.",
        "KvK %(number)s": "KvK %(number)s",
        "More on each measure, and a calculation for your own home: %(site)s.": "Meer over elke maatregel, en een berekening voor uw eigen huis: %(site)s.",
        "On %(date)s you spoke with %(coach)s of the E-team at your door. Thank you for your time.": "Op %(date)s sprak u aan de deur met %(coach)s van het E-team. Dank u wel voor uw tijd.",
        "On %(date)s you spoke with the E-team at your door. Thank you for your time.": "Op %(date)s sprak u aan de deur met het E-team. Dank u wel voor uw tijd.",
        "Only for the top floor, and the VvE decides.": "Alleen voor de bovenste verdieping, en de VvE beslist.",
        "Panels give the most on a roof facing south, east or west, without shade.": "Panelen leveren het meest op een dak op het zuiden, oosten of westen, zonder schaduw.",
        "Pays back (years) before / after ISDE": "Terugverdiend (jaar) zonder / met ISDE",
        "Pays back: the years until the savings have paid for the investment, before and after the ISDE subsidy for this measure alone.": "Terugverdiend: na hoeveel jaar de besparing de kosten heeft betaald, zonder en met de ISDE-subsidie voor deze maatregel alleen.",
        "Phone %(phone)s": "Telefoon %(phone)s",
        "Questions? Contact us at %(contact)s, or ask the E-team when they are in your street.": "Vragen? Neem contact op via %(contact)s, of vraag het E-team als het in uw straat is.",
        "Step": "Stap",
        "The ISDE subsidy: %(site)s. The energy-saving loan: %(loan)s.": "De ISDE-subsidie: %(site)s. De Energiebespaarlening: %(loan)s.",
        "The VvE loan of the Warmtefonds is for buildings with 8 or more apartments; for a smaller VvE, ask the municipality's energy desk (energieloket).": "De VvE-lening van het Warmtefonds is voor gebouwen met 8 of meer appartementen; vraag voor een kleinere VvE het energieloket van de gemeente.",
        "The floor is insulated from the crawl space underneath; your feet stay warmer.": "De vloer wordt vanuit de kruipruimte geïsoleerd; uw voeten blijven warmer.",
        "The order matters. First make your home lose less heat (insulation). Then make sure fresh air comes in (ventilation). Then heat it efficiently (a heat pump). Then make your own electricity (solar panels). Each step saves on what the steps before left, so together they never save more than you use.": "De volgorde is belangrijk. Zorg eerst dat uw huis minder warmte verliest (isolatie). Zorg dan voor frisse lucht (ventilatie). Verwarm daarna zuinig (een warmtepomp). Maak tot slot zelf stroom (zonnepanelen). Elke stap bespaart op wat de stappen ervoor overlieten. Samen besparen ze dus nooit meer dan u gebruikt.",
        "The outdoor unit needs a place outside; in an apartment building ask the VvE.": "De buitenunit heeft een plek buiten nodig; vraag in een appartementengebouw de VvE.",
        "The roof belongs to the building: the VvE decides on solar panels.": "Het dak is van het hele gebouw: de VvE beslist over zonnepanelen.",
        "The roof is insulated from the inside or the outside; the attic also stays warmer.": "Het dak wordt van binnen of van buiten geïsoleerd; ook de zolder blijft warmer.",
        "The space inside the outer wall is filled with insulation through small holes; it takes about a day.": "De ruimte in de buitenmuur wordt via kleine gaatjes met isolatie gevuld; dat duurt ongeveer een dag.",
        "The thermostat one degree lower": "De thermostaat een graad lager",
        "We counted with double glass; with single glass the saving is much larger.": "Wij rekenden met dubbel glas; bij enkel glas is de besparing veel groter.",
        "We found no big measure that fits your home now. That is good news: much has been done already, or your home is built to recent rules. The small steps at the end of this letter still save energy and money.": "Wij vonden nu geen grote maatregel die bij uw woning past. Dat is goed nieuws: er is al veel gedaan, of uw huis is volgens nieuwe regels gebouwd. De kleine stappen aan het eind van deze brief besparen nog steeds energie en geld.",
        "We made an appointment with you on %(date)s at %(time)s, to talk about this advice.": "Wij hebben met u een afspraak gemaakt op %(date)s om %(time)s, om over dit advies te praten.",
        "What you asked about that does not fit": "Waar u naar vroeg, maar wat niet past",
        "What you can do yourself": "Wat u zelf kunt doen",
        "You rent your home. The big measures are for %(landlord)s to decide and pay. Below is a message you can send them. What you can do yourself is at the end.": "U huurt uw woning. Over de grote maatregelen beslist %(landlord)s, en die betaalt ze ook. Verderop staat een bericht dat u kunt sturen. Wat u zelf kunt doen, staat aan het eind.",
        "Your owners' association (VvE)": "Uw Vereniging van Eigenaars (VvE)",
        "Your personal energy advice for %(address)s": "Uw persoonlijk energieadvies voor %(address)s",
        "ask for a quote": "vraag een offerte",
        "electricity %(price)s per kWh": "stroom %(price)s per kWh",
        "gas %(price)s per m³": "gas %(price)s per m³",
        "homes built before 1920 mostly have solid walls, without a cavity to fill.": "huizen van vóór 1920 hebben meestal massieve muren, zonder spouw om te vullen.",
        "it does not fit your home.": "het past niet bij uw woning.",
        "landlord": "verhuurder",
        "saves about %(what)s.": "bespaart ongeveer %(what)s.",
        "uses %(kwh)s kWh more": "gebruikt %(kwh)s kWh meer",
        "via the VvE": "via de VvE",
        "you already have HR++ or better glass.": "u heeft al HR++ glas of beter.",
        "you already have a heat pump.": "u heeft al een warmtepomp.",
        "your home has no floor above a crawl space.": "uw woning heeft geen vloer boven een kruipruimte.",
        "your home has no roof of its own.": "uw woning heeft geen eigen dak.",
        "your home is heated by a heat network.": "uw woning wordt verwarmd met een warmtenet.",
        "your home was insulated when it was built, to the rules of its time.": "uw woning is bij de bouw geïsoleerd, volgens de regels van toen.",
    }
)

NL.update(
    {
        "Letter in": "Brief in",
        "the campaign's language": "de taal van de campagne",
        "The house now": "Het huis nu",
        "Glass in most windows": "Glas in de meeste ramen",
        "not known": "niet bekend",
        "Cavity wall already insulated": "Spouwmuur al geïsoleerd",
        "Roof already insulated": "Dak al geïsoleerd",
        "Floor already insulated": "Vloer al geïsoleerd",
        "Single glass": "Enkel glas",
        "Double glass": "Dubbel glas",
        "HR++ or triple glass": "HR++ of driedubbel glas",
    }
)

NL.update({"Yes": "Ja", "No": "Nee"})

NL.update(
    {
        "Figures per dwelling type (JSON)": "Cijfers per woningtype (JSON)",
        "What the advice reckons with: per dwelling type the investment, the share of the gas use saved and the source (a key of the catalogue's sources).": "Waarmee het advies rekent: per woningtype de investering, het deel van het gasverbruik dat bespaard wordt en de bron (een sleutel uit de bronnen van de catalogus).",
        'Write the figures as a JSON object, like {"variants": [...]}.': 'Schrijf de cijfers als JSON-object, zoals {"variants": [...]}.',
        "Every figure needs a known source.": "Elk cijfer heeft een bekende bron nodig.",
    }
)

NL.update(
    {
        "Pays back (years)": "Terugverdiend (jaren)",
        "ISDE": "ISDE",
        "Pays back: the years until the savings have paid for the investment, without / with the ISDE subsidy for this measure alone (the ISDE is the government's subsidy for insulation, heat pumps and ventilation; RVO pays it).": "Terugverdiend: na hoeveel jaar de besparing de kosten heeft betaald, zonder / met de ISDE-subsidie voor deze maatregel alleen (de ISDE is de subsidie van de overheid voor isolatie, warmtepompen en ventilatie; RVO betaalt die uit).",
    }
)

NL.update(
    {
        "Figures are numbers of at least 0, a share between 0 and 1, a step a whole number; a measure needs its key and at least one variant.": "Cijfers zijn getallen van 0 of meer, een aandeel ligt tussen 0 en 1, een stap is een heel getal; een maatregel heeft zijn sleutel en minstens één variant nodig.",
    }
)

NL.update(
    {
        "You told us you use about %(kwh)s kWh of electricity a year.": "U vertelde dat u ongeveer %(kwh)s kWh stroom per jaar gebruikt.",
        "You told us you use about %(gas)s m³ of gas a year.": "U vertelde dat u ongeveer %(gas)s m³ gas per jaar gebruikt.",
    }
)

NL.update(
    {
        "about %(gas)s m³ of gas": "ongeveer %(gas)s m³ gas",
        "about %(kwh)s kWh of electricity": "ongeveer %(kwh)s kWh stroom",
        "Please check the figure on your annual energy bill. We worked out the savings from what you told us; with other figures they change.": "Kijk het getal na op uw jaarafrekening. Wij rekenden de besparing uit met wat u ons vertelde; met andere getallen verandert die.",
    }
)

NL.update(
    {
        "%(n)s panels make about %(kwh)s kWh a year.": "%(n)s panelen maken ongeveer %(kwh)s kWh per jaar.",
        "That is about what you use.": "Dat is ongeveer wat u gebruikt.",
        "That is more than you use in a year: we assume at least %(n)s panels.": "Dat is meer dan u per jaar gebruikt: wij rekenen met minstens %(n)s panelen.",
        "That is less than you use: we assume at most %(n)s panels. A solar installer can tell you whether more fit on your roof.": "Dat is minder dan u gebruikt: wij rekenen met hoogstens %(n)s panelen. Een installateur van zonnepanelen kan zeggen of er meer op uw dak passen.",
    }
)

NL.update(
    {
        "Only for the ground floor, and the VvE decides.": "Alleen voor de begane grond, en de VvE beslist.",
        "The floor belongs to the whole building: ask the VvE for consent before you start.": "De vloer is van het hele gebouw: vraag de VvE om toestemming voordat u begint.",
        "In an apartment building the window frames often belong to the VvE: check your building's rules (splitsingsreglement) before you order.": "In een appartementengebouw zijn de kozijnen vaak van de VvE: kijk in het splitsingsreglement van uw gebouw voordat u bestelt.",
    }
)

NL.update(
    {
        "Power the panels send back to the grid is valued at %(price)s per kWh.": "Stroom die de panelen terugleveren aan het net rekenen wij tegen %(price)s per kWh.",
        "the steps via the VvE (%(names)s)": "de stappen via de VvE (%(names)s)",
        "the investment for %(names)s (ask for a quote)": "de investering voor %(names)s (vraag een offerte)",
        "the savings in euros for %(names)s": "de besparing in euro voor %(names)s",
        "the ISDE per m² for %(names)s": "de ISDE per m² voor %(names)s",
        "the all-electric heat pump, a later alternative to the hybrid one": "de volledig elektrische warmtepomp, een latere keuze in plaats van de hybride",
        "Not in the row “All together”: %(items)s.": "Niet in de regel ‘Alles samen’: %(items)s.",
    }
)

NL.update(
    {
        "We had an appointment with you on %(date)s at %(time)s, to talk about this advice. If it did not take place, contact us to make a new one.": "Wij hadden op %(date)s om %(time)s een afspraak met u, om over dit advies te praten. Ging die niet door? Neem dan contact met ons op voor een nieuwe afspraak.",
    }
)

NL.update(
    {
        "no postal address": "geen postadres",
        "no phone number or real e-mail address": "geen telefoonnummer of echt e-mailadres",
        "the e-mail address is the example one": "het e-mailadres is het voorbeeldadres",
        "The letters' sender is not complete: %(gaps)s. Ask the administrator to set the LETTER_SENDER settings before you print.": "De afzender van de brieven is niet compleet: %(gaps)s. Vraag de beheerder de LETTER_SENDER-instellingen in te vullen voordat u afdrukt.",
    }
)

NL.update({"as spoken, else the campaign's": "zoals gesproken, anders die van de campagne"})

NL.update(
    {
        "These figures cannot be used: %(problem)s.": "Deze cijfers zijn niet te gebruiken: %(problem)s.",
        "These rules cannot be used: %(problem)s.": "Deze regels zijn niet te gebruiken: %(problem)s.",
    }
)

NL.update(
    {
        "Where we did not know your use, we worked with a typical home like yours: %(use)s a year (CBS). With the figures from your own energy bill, the savings can differ.": "Waar wij uw verbruik niet kenden, rekenden wij met een gewone woning zoals de uwe: %(use)s per jaar (CBS). Met de getallen van uw eigen energierekening kan de besparing anders uitvallen.",
        "What you told us is much more than a typical home like yours uses (%(typical)s a year, CBS).": "Wat u ons vertelde, is veel meer dan een gewone woning zoals de uwe gebruikt (%(typical)s per jaar, CBS).",
        "What you told us is much less than a typical home like yours uses (%(typical)s a year, CBS).": "Wat u ons vertelde, is veel minder dan een gewone woning zoals de uwe gebruikt (%(typical)s per jaar, CBS).",
        "What you told us is far from what a typical home like yours uses (%(typical)s a year, CBS).": "Wat u ons vertelde, ligt ver van wat een gewone woning zoals de uwe gebruikt (%(typical)s per jaar, CBS).",
        "You rent your home. The big measures are for %(landlord)s to decide and pay. What you can do yourself is at the end.": "U huurt uw woning. Over de grote maatregelen beslist %(landlord)s, en die betaalt ze ook. Wat u zelf kunt doen, staat aan het eind.",
        "You own an apartment. The outer walls, the roof, the floor and the roof's solar panels belong to the whole building: the owners' association (VvE) decides on them together. What is inside your home, such as the glass in your windows, you can often do yourself.": "U bent eigenaar van een appartement. De buitenmuren, het dak, de vloer en zonnepanelen op het dak zijn van het hele gebouw: daarover beslist de Vereniging van Eigenaars (VvE) samen. Wat in uw woning zit, zoals het glas in uw ramen, kunt u vaak zelf aanpakken.",
        "You told us you do not want the big measures now. That is fine: the small steps at the end of this letter also save energy and money. If you change your mind, the E-team or %(site)s can help.": "U vertelde dat u de grote maatregelen nu niet wilt. Dat is goed: de kleine stappen aan het eind van deze brief besparen ook energie en geld. Bedenkt u zich, dan helpen het E-team of %(site)s u verder.",
        "Your boiler is %(years)s years old. A boiler lasts about 15 years. When your landlord replaces it, ask them for a hybrid heat pump instead of a new boiler alone.": "Uw cv-ketel is %(years)s jaar oud. Een cv-ketel gaat ongeveer 15 jaar mee. Als uw verhuurder hem vervangt, vraag dan om een hybride warmtepomp in plaats van alleen een nieuwe ketel.",
        "Your boiler is %(years)s years old. A boiler lasts about 15 years. When it needs replacing, that is the moment to choose a hybrid heat pump instead of a new boiler alone.": "Uw cv-ketel is %(years)s jaar oud. Een cv-ketel gaat ongeveer 15 jaar mee. Moet hij vervangen worden, dan is dat het moment om voor een hybride warmtepomp te kiezen in plaats van alleen een nieuwe ketel.",
        "Your energy label says your home is already well insulated: check first whether this was done.": "Volgens uw energielabel is uw woning al goed geïsoleerd: kijk eerst of dit al gedaan is.",
        "At these figures it does not pay back within its life (about %(life)s years): choose it for comfort, or for when it needs replacing anyway.": "Met deze getallen verdient het zich niet terug binnen de tijd dat het meegaat (ongeveer %(life)s jaar): kies het voor het comfort, of voor wanneer het toch vervangen moet worden.",
    }
)

NL.update(
    {
        "ISDE subsidy: %(amount)s for demand-controlled ventilation (systems C4c, D or E), only together with an insulation measure.": "ISDE-subsidie: %(amount)s voor vraaggestuurde ventilatie (systeem C4c, D of E), alleen samen met een isolatiemaatregel.",
    }
)

NL.update(
    {
        "Exported solar power (€ per kWh)": "Teruggeleverde zonnestroom (€ per kWh)",
        "What a kWh sent back to the grid earns, net of the supplier's costs (from 2027, without saldering).": "Wat een kWh die terug het net op gaat netto oplevert, na de kosten van de leverancier (vanaf 2027, zonder saldering).",
        "Exported (€/kWh)": "Teruglevering (€/kWh)",
    }
)

NL.update(
    {
        "Your home is heated by a heat network. Insulation saves heat there too, but we cannot put it in m³ of gas or euros: your heat supplier can tell you what a gigajoule of heat costs you.": "Uw woning wordt verwarmd met een warmtenet. Isoleren bespaart ook dan warmte, maar wij kunnen dat niet in m³ gas of euro uitdrukken: uw warmteleverancier kan u vertellen wat een gigajoule warmte u kost.",
    }
)

NL.update(
    {
        "a small job you can do yourself; you feel less draught.": "een klein klusje dat u zelf kunt doen; u merkt minder tocht.",
        "ISDE amounts are the rates of %(year)s: check %(site)s before you apply.": "De ISDE-bedragen zijn de tarieven van %(year)s: kijk op %(site)s voordat u aanvraagt.",
    }
)

NL.update(
    {
        "We did not note whether you own or rent your home. If you rent, the big measures are for your landlord to decide: show them this letter.": "Wij noteerden niet of u uw woning huurt of bezit. Huurt u, dan beslist uw verhuurder over de grote maatregelen: laat hem of haar deze brief zien.",
    }
)

NL.update(
    {
        "Paid hours (by contract)": "Verloonde uren (volgens contract)",
        "Doors and conversations of the group (each visit once)": "Deuren en gesprekken van de groep (elk bezoek één keer)",
    }
)


NL.update(
    {
        "Name": "Naam",
        "Target group": "Doelgroep",
        "Contract": "Contract",
        "Hours a week": "Uren per week",
        "Left on": "Uit dienst",
        "Reason for leaving": "Reden uit dienst",
        "Months employed": "Maanden in dienst",
        "Hours worked": "Gewerkte uren",
        "Shifts present": "Diensten aanwezig",
        "Shifts absent": "Diensten afwezig",
        "Shifts sick": "Diensten ziek",
        "Doors (with the team)": "Deuren (met het team)",
        "Conversations (with the team)": "Gesprekken (met het team)",
        "Letters sent": "Brieven verstuurd",
        "Households interested": "Huishoudens met interesse",
        "Trainings completed": "Opleidingen afgerond",
        "Paid hours (contract)": "Verloonde uren (contract)",
        "Jobs (banenafspraak)": "Banen (banenafspraak)",
        "Social return (€)": "Social return (€)",
        "Placement report": "Plaatsingsrapportage",
        "KvK number": "KvK-nummer",
        "Period": "Periode",
        "Made on": "Gemaakt op",
        "Social return": "Social return",
        "Totals": "Totalen",
        "Employees": "Medewerkers",
        "Doors (each visit once)": "Deuren (elk bezoek één keer)",
        "Conversations (each visit once)": "Gesprekken (elk bezoek één keer)",
        "Outflow to work": "Uitstroom naar werk",
        "%(kept)s of %(of)s": "%(kept)s van %(of)s",
        "Retained after %(n)s months": "Behoud na %(n)s maanden",
    }
)

NL.update(
    {
        "Only for a home on the top floor.": "Alleen voor een woning op de bovenste verdieping.",
        "Only for a home on the ground floor.": "Alleen voor een woning op de begane grond.",
        "The roof belongs to the whole building: your landlord decides on panels for it.": "Het dak is van het hele gebouw: uw verhuurder beslist over panelen daarop.",
        "If you own your apartment: the outer walls, the roof, the floor and the roof's solar panels belong to the whole building, and the owners' association (VvE) decides on them together.": "Bent u eigenaar van uw appartement? Dan zijn de buitenmuren, het dak, de vloer en zonnepanelen op het dak van het hele gebouw, en beslist de Vereniging van Eigenaars (VvE) daar samen over.",
        "Savings are valued at %(prices)s (our price book of %(date)s, with its sources).": "De besparing is gerekend met %(prices)s (onze prijslijst van %(date)s, met de bronnen daarvan).",
        "a small job you can do yourself; it keeps more of the radiator's heat in the room.": "een klein klusje dat u zelf kunt doen; meer warmte van de radiator blijft in de kamer.",
        "less hot water for the same shower, and less energy to heat it.": "minder warm water voor dezelfde douchebeurt, en minder energie om het te verwarmen.",
        "a small job you can do yourself.": "een klein klusje dat u zelf kunt doen.",
    }
)

NL.update(
    {
        "A hybrid heat pump heats with electricity most of the time and uses the boiler only on cold days: about %(share)s percent less gas, and some more electricity (counted in the table).": "Een hybride warmtepomp verwarmt meestal met stroom en gebruikt de cv-ketel alleen op koude dagen: ongeveer %(share)s procent minder gas, en wat meer stroom (dat staat in de tabel).",
        "Since 1 January 2027 the netting scheme (saldering) has ended: you save on the power you use while the sun shines (about %(share)s percent, %(cited)s); what you send back to the grid earns almost nothing. The figures count on that.": "Sinds 1 januari 2027 is de salderingsregeling gestopt: u bespaart op de stroom die u zelf gebruikt terwijl de zon schijnt (ongeveer %(share)s procent, %(cited)s). Wat u teruglevert aan het net, levert bijna niets op. De bedragen houden daar rekening mee.",
        "From 1 January 2027 the netting scheme (saldering) ends: you then save on the power you use while the sun shines (about %(share)s percent, %(cited)s); what you send back to the grid earns almost nothing. The figures count on that.": "Op 1 januari 2027 stopt de salderingsregeling. Daarna bespaart u op de stroom die u zelf gebruikt terwijl de zon schijnt (ongeveer %(share)s procent, %(cited)s). Wat u teruglevert aan het net, levert bijna niets op. De bedragen houden daar rekening mee.",
        "The source gives prices for %(counts)s panels; for %(n)s panels we used the price per panel of %(of)s panels, an estimate.": "De bron geeft prijzen voor %(counts)s panelen. Voor %(n)s panelen rekenden wij met de prijs per paneel bij %(of)s panelen, een schatting.",
    }
)

NL.update(
    {
        "Amount": "Bedrag",
        "Amount (€)": "Bedrag (€)",
        "Basis: a full-time year contract of %(h)s hours a week.": "Basis: een fulltime jaarcontract van %(h)s uur per week.",
        "Benefit received since": "Uitkering sinds",
        "Confirm the date": "Datum bevestigen",
        "Counted": "Telt",
        "Counts for the banenafspraak. Always so for the target group banenafspraak.": "Telt mee voor de banenafspraak. Bij de doelgroep banenafspraak altijd.",
        "Doelgroepregister": "Doelgroepregister",
        "Dutch not yet good enough for the work, as the municipality assessed it.": "Nederlands nog niet goed genoeg voor het werk, zoals de gemeente vaststelde.",
        "Each municipality publishes what a job is worth: an amount per full-time year contract for each situation of the job-seeker, bonuses, and amounts per hour. A placement report uses the version valid on the last day of its period and prints every rule in its appendix. Versions are never changed; save a new version instead.": "Elke gemeente publiceert wat een baan waard is: een bedrag per fulltime jaarcontract voor elke situatie van de werkzoekende, bonussen en bedragen per uur. Een plaatsingsrapportage gebruikt de versie die geldt op de laatste dag van de periode en drukt elke regel af in de bijlage. Versies veranderen nooit; sla in plaats daarvan een nieuwe versie op.",
        "Enter a start date from 1960 on.": "Vul een begindatum vanaf 1960 in.",
        "Enter the table as the municipality publishes it. The form starts from the latest version (or Utrecht's current table): change what the municipality changed.": "Vul de tabel in zoals de gemeente hem publiceert. Het formulier begint met de laatste versie (of de huidige tabel van Utrecht): verander wat de gemeente veranderde.",
        "Language deficit": "Taalachterstand",
        "Learning place": "Leerplaats",
        "Leave empty when the municipality has not said yet; confirm it later.": "Laat leeg als de gemeente dat nog niet heeft gezegd; bevestig de datum later.",
        "MBO, learning on the job (BBL)": "Mbo, leren en werken (BBL)",
        "MBO, school with internships (BOL)": "Mbo, school met stages (BOL)",
        "Note": "Toelichting",
        "Practical or special secondary education, or entree (MBO 1)": "Praktijkonderwijs, voortgezet speciaal onderwijs of entree (mbo 1)",
        "Registered in UWV's doelgroepregister": "Ingeschreven in het doelgroepregister van UWV",
        "Rules": "Regels",
        "Say where the amounts come from.": "Zeg waar de bedragen vandaan komen.",
        "Social return, line by line": "Social return, regel voor regel",
        "Social-return category": "Social-returncategorie",
        "Some municipalities value a long benefit more. Leave empty if not known.": "Sommige gemeenten waarderen een lange uitkering hoger. Laat leeg als u het niet weet.",
        "Source:": "Bron:",
        "Subtotal": "Subtotaal",
        "The benefit must have started on or before the hiring date.": "De uitkering moet op of voor de dag van indiensttreding zijn begonnen.",
        "The municipality published this table without a date. Reports use it, marked provisional, until you confirm the date it applies from with the municipality's adviser social return.": "De gemeente publiceerde deze tabel zonder datum. Rapportages gebruiken hem, met de vermelding voorlopig, tot u de ingangsdatum bevestigt met de adviseur social return van de gemeente.",
        "The table as JSON: a title, the basis in hours a week, and one line per category, bonus or hourly amount, with the conditions it needs.": "De tabel als JSON: een titel, de basis in uren per week, en één regel per categorie, bonus of uurbedrag, met de voorwaarden die erbij horen.",
        "This is not valid JSON: %(e)s": "Dit is geen geldige JSON: %(e)s",
        "This version's date is already confirmed.": "De datum van deze versie is al bevestigd.",
        "Total": "Totaal",
        "Valid from %(day)s.": "Geldig vanaf %(day)s.",
        "Version %(n)d": "Versie %(n)d",
        "Version %(v)d of %(m)s applies from the date you confirmed.": "Versie %(v)d van %(m)s geldt vanaf de datum die u bevestigde.",
        "What a line can say": "Wat een regel kan zeggen",
        "Where the amounts come from: the page or council decision, and its date.": "Waar de bedragen vandaan komen: de pagina of het raadsbesluit, met de datum.",
        "Worked out": "Berekening",
        "kind: category (one per person, the highest that fits), bonus or hourly": "kind: category (één per persoon, de hoogste die past), bonus of hourly",
        "per: year (pro rata: hours a week / basis × months / 12), once, certificate, hour": "per: year (naar rato: uren per week / basis × maanden / 12), once, certificate, hour",
        "provisional: the date these rules apply from is not yet confirmed": "voorlopig: de ingangsdatum van deze regels is nog niet bevestigd",
        "when (bonus): age_over, age_from, age_under, status_holder, language_deficit, status_holder_or_language_deficit, contract, left_for_work, doelgroepregister": "when (bonus): age_over, age_from, age_under, status_holder, language_deficit, status_holder_or_language_deficit, contract, left_for_work, doelgroepregister",
        "when (category): target_group, doelgroepregister, learning_route, benefit_months_below, benefit_months_from": "when (category): target_group, doelgroepregister, learning_route, benefit_months_below, benefit_months_from",
    }
)

NL.update(
    {
        "A hybrid heat pump works together with a central-heating boiler and heats with electricity most of the time. Whether it fits depends on your heating now.": "Een hybride warmtepomp werkt samen met een cv-ketel en verwarmt meestal met stroom. Of hij past, hangt af van hoe u nu verwarmt.",
        "A well-insulated home needs fresh air: keep grilles open, and ask your landlord about mechanical ventilation.": "Een goed geïsoleerd huis heeft frisse lucht nodig: houd roosters open, en vraag uw verhuurder naar mechanische ventilatie.",
        "An all-electric heat pump replaces your heating now. What it saves depends on your home: an installer calculates it.": "Een volledig elektrische warmtepomp vervangt hoe u nu verwarmt. Wat hij bespaart, hangt af van uw huis: een installateur rekent het uit.",
        "At today's prices the electricity it uses costs %(eur)s a year more than the gas it saves: it does save gas and CO₂. Ask an installer to work it out for your home.": "Met de prijzen van nu kost de stroom die hij gebruikt %(eur)s per jaar meer dan het gas dat hij bespaart. Hij bespaart wel gas en CO₂. Vraag een installateur om het voor uw huis uit te rekenen.",
        "Correct the book from this date": "De prijslijst van deze datum verbeteren",
        "Enter a value from %(low)s to %(high)s (in euros, not cents).": "Vul een waarde in van %(low)s tot %(high)s (in euro's, niet in centen).",
        "Enter this price: letters need it for their euros.": "Vul deze prijs in: brieven hebben hem nodig voor de bedragen.",
        "Only to fix a mistake. Letters already made keep the figures they were made with.": "Alleen om een fout te herstellen. Brieven die al gemaakt zijn, houden de cijfers waarmee ze gemaakt zijn.",
        "Power sent back earns less than power bought: at most the electricity price.": "Teruggeleverde stroom levert minder op dan gekochte stroom kost: hoogstens de stroomprijs.",
        "Price book saved.": "Prijslijst opgeslagen.",
        "Save price book": "Prijslijst opslaan",
        "The same in Dutch, for your landlord:": "Dezelfde tekst in het Nederlands, voor uw verhuurder:",
        'There is already a price book from this date. To fix a mistake in it, tick "Correct the book from this date".': 'Er is al een prijslijst vanaf deze datum. Om een fout daarin te herstellen, vink "De prijslijst van deze datum verbeteren" aan.',
        "There is no price book from this date to correct.": "Er is geen prijslijst van deze datum om te verbeteren.",
        "We did not know how much gas you use. For a detached house there is no typical use to start from, so the gas savings are those the source gives for an average detached house. With the figures from your own energy bill they can differ.": "We wisten niet hoeveel gas u gebruikt. Voor een vrijstaand huis is er geen gemiddeld verbruik om van uit te gaan. Daarom staan hier de besparingen die de bron geeft voor een gemiddeld vrijstaand huis. Met de cijfers van uw eigen energierekening kunnen ze anders zijn.",
        "Your home is not heated with a gas boiler of its own. Insulation saves energy there too, but we cannot put it in m³ of gas or euros: our figures are about gas.": "Uw huis wordt niet verwarmd met een eigen cv-ketel op gas. Isoleren bespaart dan ook energie, maar wij kunnen niet zeggen hoeveel m³ gas of euro: onze cijfers gaan over gas.",
        "costs %(eur)s more": "kost %(eur)s meer",
        "the coach noted that this part of your home is already insulated.": "de coach zag dat dit deel van uw huis al geïsoleerd is.",
    }
)

NL.update(
    {
        "For the municipality (CSV)": "Voor de gemeente (CSV)",
        "For the municipality, without health data (PDF)": "Voor de gemeente, zonder gezondheidsgegevens (PDF)",
        "The same with initials (PDF)": "Hetzelfde met initialen (PDF)",
        "Version": "Versie",
        "for the employer (with attendance and sickness)": "voor de werkgever (met presentie en verzuim)",
        "for the municipality, without health data": "voor de gemeente, zonder gezondheidsgegevens",
    }
)

NL.update(
    {
        "A hybrid heat pump works together with a central-heating boiler and heats with electricity most of the time.": "Een hybride warmtepomp werkt samen met een cv-ketel en verwarmt meestal met stroom.",
        "A letter uses the price book in force on the day of the visit. When prices change, add a new book from the date they change; correct a book only to fix a mistake (letters already sent keep their figures, letters not yet sent are made again).": "Een brief gebruikt de prijslijst die gold op de dag van het bezoek. Veranderen de prijzen, voeg dan een nieuwe prijslijst toe vanaf de dag dat ze veranderen. Verbeter een prijslijst alleen om een fout te herstellen (verstuurde brieven houden hun cijfers, brieven die nog niet verstuurd zijn worden opnieuw gemaakt).",
        "A m³ of gas costs more than a kWh of electricity: are the two swapped?": "Een m³ gas kost meer dan een kWh stroom: zijn de twee verwisseld?",
        "An all-electric heat pump replaces the gas boiler. What it saves depends on your home: your landlord can have it worked out.": "Een volledig elektrische warmtepomp vervangt de cv-ketel. Wat hij bespaart, hangt af van uw huis: uw verhuurder kan het laten uitrekenen.",
        "An all-electric heat pump replaces your heating now.": "Een volledig elektrische warmtepomp vervangt hoe u nu verwarmt.",
        "At today's prices the electricity it uses costs %(eur)s a year more than the gas it saves: it does save gas and CO₂.": "Met de prijzen van nu kost de stroom die hij gebruikt %(eur)s per jaar meer dan het gas dat hij bespaart. Hij bespaart wel gas en CO₂.",
        "It only works well in a well-insulated home: insulate first.": "Dat werkt alleen goed in een goed geïsoleerd huis: isoleer eerst.",
        "We did not know how much electricity you use. We worked with an average household's %(kwh)s kWh a year (CBS); a home heated by a heat pump uses more, so more solar panels may pay.": "We wisten niet hoeveel stroom u gebruikt. We rekenden met %(kwh)s kWh per jaar, wat een gemiddeld huishouden gebruikt (CBS). Een huis met een warmtepomp gebruikt meer, dus meer zonnepanelen kunnen lonen.",
        "We did not know how much gas you use, so we could not work out what insulation saves. With the figures from your energy bill the E-team or %(site)s can.": "We wisten niet hoeveel gas u gebruikt. Daarom konden we niet uitrekenen wat isoleren bespaart. Met de cijfers van uw energierekening kan het E-team of %(site)s dat wel.",
        "Your home is heated by a heat pump. Insulation saves electricity there, and makes the heat pump work better, but our figures are about gas: an installer or an energy adviser can work out what it saves you.": "Uw huis wordt verwarmd met een warmtepomp. Isoleren bespaart dan stroom en de warmtepomp werkt beter, maar onze cijfers gaan over gas: een installateur of energieadviseur kan uitrekenen wat het u oplevert.",
    }
)

NL.update({"Reference date (peildatum)": "Peildatum"})

NL.update(
    {
        "A percentage from 0 to 100.": "Een percentage van 0 tot 100.",
        "Add contract": "Contract toevoegen",
        "Balance still to realise (€)": "Saldo nog te realiseren (€)",
        "Certificates in the period": "Certificaten in de periode",
        "Contract added.": "Contract toegevoegd.",
        "Contract or tender reference": "Contract- of aanbestedingsnummer",
        "Contract value (€)": "Contractwaarde (€)",
        "Employment contract": "Arbeidsovereenkomst",
        "Enter the contract or tender reference.": "Vul het contract- of aanbestedingsnummer in.",
        "Enter the contract value in euros.": "Vul de contractwaarde in euro's in.",
        "Enter the obligation as a percentage of the value or as an amount, not both.": "Vul de verplichting in als percentage van de waarde of als bedrag, niet allebei.",
        "Enter the obligation in euros.": "Vul de verplichting in euro's in.",
        "Evidence on file": "Bewijsstukken aanwezig",
        "Evidence on file: payslips or paid hours": "Bewijsstuk aanwezig: loonstroken of verloonde uren",
        "Evidence on file: proof of the target group on the hiring date": "Bewijsstuk aanwezig: bewijs van de doelgroep op de dag van indiensttreding",
        "Evidence on file: the employment contract": "Bewijsstuk aanwezig: de arbeidsovereenkomst",
        "No contract with a social-return obligation on the peildatum.": "Geen contract met een social-returnverplichting op de peildatum.",
        "No contracts yet.": "Nog geen contracten.",
        "Obligation": "Verplichting",
        "Obligation (€)": "Verplichting (€)",
        "Often 5 percent. Or enter an amount below instead.": "Vaak 5 procent. Of vul hieronder een bedrag in.",
        "Or: the obligation as an amount (€)": "Of: de verplichting als bedrag (€)",
        "Payslips or paid hours": "Loonstroken of verloonde uren",
        "Realised from the start to the peildatum (€)": "Gerealiseerd van de start tot de peildatum (€)",
        "Social-return contract": "Social-returncontract",
        "Social-return contracts": "Social-returncontracten",
        "Social-return obligation (percent of the value)": "Social-returnverplichting (procent van de waarde)",
        "Target group on the hiring date": "Doelgroep op de dag van indiensttreding",
        "The contract cannot end before it starts.": "Het contract kan niet eindigen voordat het begint.",
        "The municipality's adviser social return": "Adviseur social return van de gemeente",
        "The municipality's version of the placement report measures what was realised against the contract running on its peildatum.": "De versie voor de gemeente zet wat gerealiseerd is af tegen het contract dat op de peildatum loopt.",
        "What the contract is for": "Waar het contract over gaat",
    }
)

NL.update(
    {
        "Printed": "Afgedrukt",
    }
)

NL.update(
    {
        "Power the panels send back to the grid is counted as earning nothing: from 2027 it earns very little.": "Stroom die de panelen terugleveren aan het net rekenen wij als niets waard: vanaf 2027 levert die heel weinig op.",
    }
)

NL.update(
    {
        "Price book corrected": "Prijslijst verbeterd",
        "Price book removed": "Prijslijst verwijderd",
        "Social-return rules' start date confirmed": "Startdatum social-returnregels bevestigd",
        "Social-return contract added": "Social-returncontract toegevoegd",
        "This is the only price book: letters need prices. Add the right one first, then remove this one.": "Dit is de enige prijslijst: brieven hebben prijzen nodig. Voeg eerst de juiste toe en verwijder dan deze.",
        "Remove": "Verwijderen",
        "Price book removed. Letters not yet sent are made again with the book now in force.": "Prijslijst verwijderd. Brieven die nog niet verstuurd zijn, worden opnieuw gemaakt met de prijslijst die nu geldt.",
    }
)

NL.update(
    {
        "The order matters.": "De volgorde is belangrijk.",
        "First make your home lose less heat (insulation).": "Zorg eerst dat uw huis minder warmte verliest (isolatie).",
        "First make sure fresh air comes in (ventilation).": "Zorg eerst voor frisse lucht (ventilatie).",
        "First heat your home efficiently (a heat pump).": "Verwarm eerst zuinig (een warmtepomp).",
        "First heat your home efficiently (a hybrid heat pump).": "Verwarm eerst zuinig (een hybride warmtepomp).",
        "First make your own electricity (solar panels).": "Maak eerst zelf stroom (zonnepanelen).",
        "Then make sure fresh air comes in (ventilation).": "Zorg dan voor frisse lucht (ventilatie).",
        "Then heat it efficiently (a heat pump).": "Verwarm dan zuinig (een warmtepomp).",
        "Then heat it efficiently (a hybrid heat pump).": "Verwarm dan zuinig (een hybride warmtepomp).",
        "Then make your own electricity (solar panels).": "Maak daarna zelf stroom (zonnepanelen).",
        "Each step saves on what the steps before left, so together they never save more than you use.": "Elke stap bespaart op wat de stappen ervoor overlieten. Samen besparen ze dus nooit meer dan u gebruikt.",
        "With the %(gas)s m³ of gas a year you told us, insulating saves too little to earn back what it costs within its life, so it is not in this letter. If you use more, it can pay: the E-team or %(site)s can work it out with the figure on your energy bill.": "Bij de %(gas)s m³ gas per jaar die u ons noemde, bespaart isoleren te weinig om de kosten binnen de levensduur terug te verdienen. Daarom staat het niet in deze brief. Gebruikt u meer, dan kan het wel lonen: het E-team of %(site)s rekent het uit met het getal op uw energierekening.",
        "At the use we worked with, insulating saves too little to earn back what it costs within its life, so it is not in this letter. If you use more, it can pay: the E-team or %(site)s can work it out with the figure on your energy bill.": "Bij het verbruik waarmee wij rekenden, bespaart isoleren te weinig om de kosten binnen de levensduur terug te verdienen. Daarom staat het niet in deze brief. Gebruikt u meer, dan kan het wel lonen: het E-team of %(site)s rekent het uit met het getal op uw energierekening.",
        "We did not know how much electricity you use. We worked with an average household's %(kwh)s kWh a year (CBS); a home with a hybrid heat pump uses more, so more solar panels may pay.": "We wisten niet hoeveel stroom u gebruikt. We rekenden met %(kwh)s kWh per jaar, wat een gemiddeld huishouden gebruikt (CBS). Een huis met een hybride warmtepomp gebruikt meer, dus meer zonnepanelen kunnen lonen.",
        "That is about what you will use with the heat pump.": "Dat is ongeveer wat u met de warmtepomp gaat gebruiken.",
        "see below": "zie hieronder",
        "a hybrid heat pump": "een hybride warmtepomp",
        "an all-electric heat pump": "een volledig elektrische warmtepomp",
        "solar panels": "zonnepanelen",
        "HR++ glass": "HR++-glas",
        "cavity wall insulation": "spouwmuurisolatie",
        "roof insulation": "dakisolatie",
        "floor insulation": "vloerisolatie",
    }
)

NL.update(
    {
        "Finally make sure fresh air comes in (ventilation).": "Zorg tot slot voor frisse lucht (ventilatie).",
        "Finally heat it efficiently (a heat pump).": "Verwarm tot slot zuinig (een warmtepomp).",
        "Finally heat it efficiently (a hybrid heat pump).": "Verwarm tot slot zuinig (een hybride warmtepomp).",
        "Finally make your own electricity (solar panels).": "Maak tot slot zelf stroom (zonnepanelen).",
    }
)

NL.update(
    {
        "Our sources give no saving for a home like yours: your landlord can have it worked out.": "Onze bronnen noemen geen besparing voor een woning zoals de uwe: uw verhuurder kan het laten uitrekenen.",
        "Our sources give no saving for a home like yours: an energy adviser can work it out.": "Onze bronnen noemen geen besparing voor een woning zoals de uwe: een energieadviseur kan het uitrekenen.",
    }
)

NL.update(
    {
        "Version number": "Versienummer",
    }
)

NL.update(
    {
        "Programme report downloaded": "Programmarapportage gedownload",
        "Projection: yearly saving if interested households carry the measures out": "Projectie: besparing per jaar als geïnteresseerde huishoudens de maatregelen uitvoeren",
        "%(priced)s of %(interested)s interests with a figure in the household's letter": "%(priced)s van %(interested)s met een bedrag in de brief van het huishouden",
        "With a figure": "Met bedrag",
        "Projection: € a year": "Projectie: € per jaar",
        "Projection: kg CO₂ a year": "Projectie: kg CO₂ per jaar",
        "Projection: m³ gas a year": "Projectie: m³ gas per jaar",
        "Projection: kWh a year": "Projectie: kWh per jaar",
        "A projection, not a result: what the interested households would save a year if each carried the measure out, at the figures of its own advice letter (the latest letter of its latest visit in the period). Households without a letter, or whose letter has no figure for the measure, are not in it (“With a figure” counts those that are). What was actually installed and saved is not measured here.": "Een projectie, geen resultaat: wat de geïnteresseerde huishoudens per jaar zouden besparen als elk de maatregel uitvoert, met de bedragen uit zijn eigen adviesbrief (de laatste brief van het laatste bezoek in de periode). Huishoudens zonder brief, of van wie de brief geen bedrag voor de maatregel noemt, tellen niet mee (“Met bedrag” telt wie wel meetelt). Wat werkelijk is uitgevoerd en bespaard, meet dit rapport niet.",
        "A projection, not a result: what the interested households would save a year if each carried the measure out, at the figures of its own advice letter (the latest letter of its latest visit in the period). Households without a letter, or whose letter has no figure for the measure, are not in it.": "Een projectie, geen resultaat: wat de geïnteresseerde huishoudens per jaar zouden besparen als elk de maatregel uitvoert, met de bedragen uit zijn eigen adviesbrief (de laatste brief van het laatste bezoek in de periode). Huishoudens zonder brief, of van wie de brief geen bedrag voor de maatregel noemt, tellen niet mee.",
        "Programme report": "Programmarapportage",
        "Households interested": "Huishoudens geïnteresseerd",
        "Households maybe": "Huishoudens misschien",
        "Interested, with a figure in their letter": "Geïnteresseerd, met een bedrag in hun brief",
        "All measures": "Alle maatregelen",
        "Download PDF": "PDF downloaden",
        "Download CSV": "CSV downloaden",
    }
)

NL.update(
    {
        "%(n)d letter was not printed yet, so it was not marked as sent: open it in the list below and print it.": (
            "%(n)d brief is nog niet afgedrukt en is dus niet als verstuurd gemarkeerd: open hem in de lijst hieronder en druk hem af.",
            "%(n)d brieven zijn nog niet afgedrukt en zijn dus niet als verstuurd gemarkeerd: open ze in de lijst hieronder en druk ze af.",
        ),
    }
)

NL.update(
    {
        "a hybrid heat pump works together with a central-heating boiler, and your home has none.": "een hybride warmtepomp werkt samen met een cv-ketel, en uw woning heeft die niet.",
    }
)

NL.update(
    {
        "Your boiler is %(years)s years old. A boiler lasts about 15 years: ask your landlord when they plan to replace it.": "Uw cv-ketel is %(years)s jaar oud. Een cv-ketel gaat ongeveer 15 jaar mee: vraag uw verhuurder wanneer die hem wil vervangen.",
        "Your boiler is %(years)s years old. A boiler lasts about 15 years: plan its replacement in time, so you can choose calmly rather than in a hurry when it breaks down.": "Uw cv-ketel is %(years)s jaar oud. Een cv-ketel gaat ongeveer 15 jaar mee: plan de vervanging op tijd, dan kiest u rustig en niet in haast als hij kapotgaat.",
    }
)

NL.update(
    {
        "The ISDE in “All together” counts the insulation amounts doubled: they double when you carry out two insulation measures, or one and a heat pump, within 24 months.": "De ISDE in ‘Alles samen’ telt de bedragen voor isolatie dubbel: die verdubbelen als u binnen 24 maanden twee isolatiemaatregelen laat uitvoeren, of één en een warmtepomp.",
    }
)

NL.update(
    {
        "A hybrid heat pump heats with electricity most of the time and uses the boiler only on cold days: about %(share)s percent less gas, and some more electricity. Without your gas use we could not put that in figures.": "Een hybride warmtepomp verwarmt meestal met stroom en gebruikt de cv-ketel alleen op koude dagen: ongeveer %(share)s procent minder gas, en wat meer stroom. Zonder uw gasverbruik konden we dat niet in getallen zetten.",
    }
)

NL.update(
    {
        "Please check the figure on your annual energy bill. We worked out the savings on at most %(gas)s m³ of gas a year, twice what a typical home like yours uses: with more, the sources' figures no longer hold.": "Kijk het getal na op uw jaarafrekening. Wij rekenden de besparing uit met hoogstens %(gas)s m³ gas per jaar, twee keer wat een gewone woning zoals de uwe gebruikt: bij meer kloppen de getallen van onze bronnen niet meer.",
    }
)

NL.update(
    {
        "ISDE subsidy: %(amount)s for demand-controlled ventilation (systems C4c or E) or balanced ventilation with heat recovery (system D), only together with an insulation measure.": "ISDE-subsidie: %(amount)s voor vraaggestuurde ventilatie (systeem C4c of E) of balansventilatie met warmteterugwinning (systeem D), alleen samen met een isolatiemaatregel.",
    }
)

NL.update(
    {
        "Where the figures come from": "Waar de getallen vandaan komen",
    }
)

NL.update(
    {
        "Where we did not know your use, we worked with a typical home like yours: %(use)s a year (CBS's figure for a home with a boiler, less what a hybrid heat pump saves). With the figures from your own energy bill, the savings can differ.": "Waar wij uw verbruik niet kenden, rekenden wij met een gewone woning zoals de uwe: %(use)s per jaar (het CBS-getal voor een woning met een cv-ketel, min wat een hybride warmtepomp bespaart). Met de getallen van uw eigen energierekening kan de besparing anders uitvallen.",
    }
)

NL.update(
    {
        "Obligation (percent of the contract value)": "Verplichting (procent van de contractwaarde)",
        "Realised beyond the obligation (€)": "Meer gerealiseerd dan de verplichting (€)",
    }
)

NL.update(
    {
        "No contract with a social-return obligation ran in the period.": "Er liep in de periode geen contract met een social-returnverplichting.",
    }
)

NL.update(
    {
        "A share of the contract value needs the value: enter it, or the obligation as an amount.": "Een deel van de contractwaarde heeft de waarde nodig: vul die in, of de verplichting als bedrag.",
    }
)

NL.update(
    {
        "The municipality's version covers all of the employer's people: the employer or the coordinator downloads it.": "De versie voor de gemeente gaat over alle medewerkers van de werkgever: de werkgever of de coördinator downloadt die.",
        "Scope": "Bereik",
        "only the people in the reader's own teams: not the employer's whole report": "alleen de medewerkers in de teams van de lezer: niet het volledige rapport van de werkgever",
    }
)

NL.update(
    {
        "When the benefit started is not recorded: of %(categories)s only the lowest amount counts.": "Sinds wanneer de uitkering liep is niet vastgelegd: van %(categories)s telt alleen het laagste bedrag.",
        "No category of the rule table fits: counts nothing, bonuses included.": "Geen categorie van de regeltabel past: telt niet mee, ook niet voor bonussen.",
        "Trial placement without a wage: no paid hours, so no yearly amounts.": "Proefplaatsing zonder loon: geen verloonde uren, dus geen jaarbedragen.",
        "The birth year is not recorded: whether ‘%(rule)s’ held on the hiring date cannot be told; it does not count.": "Het geboortejaar is niet vastgelegd: of ‘%(rule)s’ op de dag van indiensttreding gold, is niet na te gaan; telt niet mee.",
        "Only the birth year is known (%(year)s): whether ‘%(rule)s’ held on the hiring date is not certain; it does not count.": "Alleen het geboortejaar is bekend (%(year)s): of ‘%(rule)s’ op de dag van indiensttreding gold, staat niet vast; telt niet mee.",
        "Category with a yearly amount of € %(amount)s": "Categorie met een jaarbedrag van € %(amount)s",
        "not worked out: no social-return rule table for the municipality of %(municipality)s in force on %(day)s": "niet berekend: geen SROI-regeltabel voor gemeente %(municipality)s geldig op %(day)s",
        "rule table %(municipality)s version %(version)s, in force from %(day)s": "regeltabel %(municipality)s versie %(version)s, geldig vanaf %(day)s",
        "rule table %(municipality)s version %(version)s, provisional: its start date is not confirmed yet": "regeltabel %(municipality)s versie %(version)s, voorlopig: ingangsdatum nog niet bevestigd",
    }
)

NL.update(
    {
        "WIA / WAO": "WIA / WAO",
        "Wajong": "Wajong",
        "Counts for the banenafspraak. Always so for the target group banenafspraak; people with Wajong who can work are in it too (UWV): check the register.": "Telt mee voor de banenafspraak. Altijd zo bij de doelgroep banenafspraak; mensen met Wajong die kunnen werken staan er ook in (UWV): kijk het register na.",
    }
)

NL.update(
    {
        "This list would have %(n)d doors: %(over)d more than the %(room)d that fit in this shift.": "Deze looproute krijgt dan %(n)d deuren: %(over)d meer dan de %(room)d die in deze dienst passen.",
        "A list holds at most %(n)d doors.": "Een looproute heeft hoogstens %(n)d deuren.",
        "That list is locked; unlock it first.": "Die looproute staat vast; maak hem eerst los.",
        "That door is no longer on the list.": "Die deur staat niet meer op de looproute.",
    }
)

NL.update(
    {
        "We did not know what kind of home yours is: where that matters, we counted with a terraced house. In an apartment building this belongs to the whole building, and the owners together (VvE) or the landlord decide.": "Wij wisten niet wat voor woning u heeft: waar dat uitmaakt, rekenden wij met een tussenwoning. In een appartementengebouw hoort dit bij het hele gebouw, en beslissen de eigenaren samen (VvE) of de verhuurder.",
    }
)

NL.update(
    {
        "Only to fix a mistake. Letters already sent keep the figures they were sent with; letters not sent yet are made again with the corrected book.": "Alleen om een fout te herstellen. Brieven die al verstuurd zijn, houden de cijfers waarmee ze verstuurd zijn; brieven die nog niet verstuurd zijn, worden opnieuw gemaakt met de verbeterde prijslijst.",
    }
)

NL.update(
    {
        "Energy prices: ": "Energieprijzen: ",
        "our price book of %(date)s, from %(sites)s": "onze prijslijst van %(date)s, volgens %(sites)s",
    }
)

NL.update(
    {
        "Less than a twentieth of a month in service in the period (the months are rounded to one decimal): no yearly amount counts yet.": "Minder dan een twintigste maand in dienst in de periode (de maanden zijn op één decimaal afgerond): er telt nog geen jaarbedrag.",
    }
)

NL.update(
    {
        "From %(day)s on, reports do not use this table: they use the versions with a confirmed date (the first is version %(n)d). Confirm this table's date with the municipality's adviser social return to use it.": "Vanaf %(day)s gebruiken rapportages deze tabel niet: ze gebruiken de versies met een bevestigde ingangsdatum (de eerste is versie %(n)d). Bevestig de ingangsdatum van deze tabel met de adviseur social return van de gemeente om hem te gebruiken.",
    }
)
NL.update(
    {
        "A change from this day is already recorded: remove it first to record another.": "Er staat al een wijziging vanaf deze dag: verwijder die eerst om een andere vast te leggen.",
        "A change starts after the hiring date; the terms on the hiring date are the employee's own contract and hours (correct those instead).": "Een wijziging begint na de datum van indiensttreding; het contract op de dag van indiensttreding is het eigen contract en de eigen uren van de medewerker (verbeter die).",
        "A contract change is recorded from %(day)s: the end date cannot be earlier. Remove the change first if it was wrong.": "Er staat een contractwijziging vanaf %(day)s: de einddatum kan niet eerder liggen. Verwijder eerst de wijziging als die niet klopte.",
        "A contract change is recorded from %(day)s: the hiring date must be earlier. Remove the change first if it was wrong.": "Er staat een contractwijziging vanaf %(day)s: de datum van indiensttreding moet eerder liggen. Verwijder eerst de wijziging als die niet klopte.",
        "A later change (a trial placement that became a contract, more hours) is recorded below, from its date.": "Een latere wijziging (een proefplaatsing die een contract werd, meer uren) legt u hieronder vast, vanaf de datum waarop die ingaat.",
        "Contract and hours over time": "Contract en uren door de tijd",
        "Contract change recorded": "Contractwijziging vastgelegd",
        "Contract change recorded.": "Contractwijziging vastgelegd.",
        "Contract change removed": "Contractwijziging verwijderd",
        "Contract change removed.": "Contractwijziging verwijderd.",
        "Contract changes in the period": "Contractwijzigingen in de periode",
        "Contract on the hiring date": "Contract op de dag van indiensttreding",
        "Hours per week on the hiring date": "Uren per week op de dag van indiensttreding",
        "Record a change": "Wijziging vastleggen",
        "Record the change": "Wijziging vastleggen",
        "Remove the change from %(day)s": "Verwijder de wijziging vanaf %(day)s",
        "Reports count each stretch with its own contract and hours: paid hours, banenafspraak jobs and social return.": "Rapportages tellen elk deel met zijn eigen contract en uren: verloonde uren, banen volgens de banenafspraak en social return.",
        "The employment ended on %(day)s: a change cannot start later.": "Het dienstverband eindigde op %(day)s: een wijziging kan niet later ingaan.",
        "These are the terms already in force on that day: nothing changes.": "Dit contract en deze uren golden op die dag al: er verandert niets.",
        "This contract change does not exist.": "Deze contractwijziging bestaat niet.",
        "hiring date": "datum van indiensttreding",
    }
)
NL.update({"Enter the hours a week: 1 to 40.": "Vul de uren per week in: 1 tot en met 40."})
NL.update(
    {
        "%(n)d letter was printed before its visit was corrected, so it was not marked as sent: print the new version (marked in the list below) and post that one.": (
            "%(n)d brief is afgedrukt voordat het bezoek werd verbeterd, dus niet gemarkeerd als verstuurd: druk de nieuwe versie af (gemarkeerd in de lijst hieronder) en verstuur die.",
            "%(n)d brieven zijn afgedrukt voordat de bezoeken werden verbeterd, dus niet gemarkeerd als verstuurd: druk de nieuwe versies af (gemarkeerd in de lijst hieronder) en verstuur die.",
        ),
        "%(n)d letter was printed before its visit was corrected: print the new version and post that one.": (
            "%(n)d brief is afgedrukt voordat het bezoek werd verbeterd: druk de nieuwe versie af en verstuur die.",
            "%(n)d brieven zijn afgedrukt voordat de bezoeken werden verbeterd: druk de nieuwe versies af en verstuur die.",
        ),
        "%(reference)s was printed before the visit was corrected": "%(reference)s is afgedrukt voordat het bezoek werd verbeterd",
        "in another language than the household's": "in een andere taal dan die van het huishouden",
        "print the new version (PDF)": "nieuwe versie afdrukken (pdf)",
    }
)
NL.update(
    {
        "%(name)s is missing": "%(name)s ontbreekt",
        "%(names)s: not a field here": "%(names)s: hoort hier niet",
        "%(names)s: not a rule for a %(kind)s": "%(names)s: geen regel voor een %(kind)s",
        "%(value)s is not one of %(options)s": "%(value)s is niet een van %(options)s",
        "%(value)s is too high (at most %(limit)s)": "%(value)s is te hoog (hoogstens %(limit)s)",
        "%(value)s is too low (at least %(limit)s)": "%(value)s is te laag (minstens %(limit)s)",
        "%(value)s is too low (more than %(limit)s)": "%(value)s is te laag (meer dan %(limit)s)",
        "%(value)s must be %(kind)s": "%(value)s moet %(kind)s zijn",
        "a list in [ ]": "een lijst tussen [ ]",
        "a number": "een getal",
        "a small measure has no variants": "een kleine maatregel heeft geen varianten",
        "a text in quotes": "een tekst tussen aanhalingstekens",
        "a whole number": "een heel getal",
        "an object in { }": "een object tussen { }",
        "at most %(n)s": "hoogstens %(n)s",
        "at most %(n)s characters": "hoogstens %(n)s tekens",
        "invest_min_eur is above invest_max_eur": "invest_min_eur is hoger dan invest_max_eur",
        "key: must be %(key)s, the measure's own key": "key: moet %(key)s zijn, de sleutel van de maatregel zelf",
        "loan": "lening",
        "may not be empty": "mag niet leeg zijn",
        "min_eur is above max_eur": "min_eur is hoger dan max_eur",
        "needs at least %(n)s": "heeft er minstens %(n)s nodig",
        "panel eur_by_count: no price for the largest number of panels": "panel eur_by_count: geen prijs voor het grootste aantal panelen",
        "panel: max is below min": "panel: max is lager dan min",
        "panel: only solar panels have panel figures": "panel: alleen zonnepanelen hebben paneelcijfers",
        "panel: solar panels need their panel figures": "panel: zonnepanelen hebben hun paneelcijfers nodig",
        "subsidy": "subsidie",
        "true or false": "true of false",
        "variants %(n)s source: %(source)s is not a known source": "variants %(n)s source: %(source)s is geen bekende bron",
        "variants %(n)s: %(type)s is in variant %(earlier)s already; each dwelling type in one variant": "variants %(n)s: %(type)s staat al in variant %(earlier)s; elk woningtype in één variant",
        "variants %(n)s: invest_min_eur is above invest_max_eur": "variants %(n)s: invest_min_eur is hoger dan invest_max_eur",
    }
)
NL.update(
    {
        "Enter a value from %(low)s to %(high)s kg.": "Vul een waarde in van %(low)s tot en met %(high)s kg.",
        "This is not a day: enter it as dd-mm-yyyy.": "Dit is geen bestaande dag: vul hem in als dd-mm-jjjj.",
    }
)
NL.update(
    {
        "A workshop in the community centre, a season of help at the food bank. No names.": "Een workshop in het buurthuis, een seizoen helpen bij de voedselbank. Geen namen.",
        "Activity recorded.": "Activiteit vastgelegd.",
        "Activity removed.": "Activiteit verwijderd.",
        "At most 300 characters.": "Hoogstens 300 tekens.",
        "Day": "Dag",
        "Enter 0.1 to 1,000 hours.": "Vul 0,1 tot en met 1.000 uur in.",
        "Enter the hours: more than 0 and at most 1,000.": "Vul de uren in: meer dan 0 en hoogstens 1.000.",
        "Hours": "Uren",
        "Hours (all the people together)": "Uren (van alle mensen samen)",
        "Hours the employer's people gave to a social activity or a local initiative. Rule tables with an hourly amount value them in the placement report.": "Uren die de mensen van de werkgever gaven aan een maatschappelijke activiteit of een lokaal initiatief. Regeltabellen met een bedrag per uur waarderen ze in de plaatsingsrapportage.",
        "No activities yet.": "Nog geen activiteiten.",
        "Record an activity": "Activiteit vastleggen",
        "Record the activity": "Activiteit vastleggen",
        "Remove the activity of %(day)s": "Verwijder de activiteit van %(day)s",
        "Say what the activity was.": "Zeg wat de activiteit was.",
        "Social activities": "Maatschappelijke activiteiten",
        "Social activity recorded": "Maatschappelijke activiteit vastgelegd",
        "Social activity removed": "Maatschappelijke activiteit verwijderd",
        "The activity must have taken place: not after today.": "De activiteit moet hebben plaatsgevonden: niet na vandaag.",
        "This activity does not exist.": "Deze activiteit bestaat niet.",
        "What the activity was": "Wat de activiteit was",
    }
)
NL.update(
    {
        "%(n)d address found.": ("%(n)d adres gevonden.", "%(n)d adressen gevonden."),
        "Addresses found": "Gevonden adressen",
        "Damstraat 9 · 3531 CA 12": "Damstraat 9 · 3531 CA 12",
        "Find an address": "Adres zoeken",
        "Only the first %(n)d are shown: add the house number or the postcode.": "Alleen de eerste %(n)d staan hier: voeg het huisnummer of de postcode toe.",
        "Search": "Zoeken",
        "Street and number, or postcode": "Straat en huisnummer, of postcode",
        "Type a street, a house number or a postcode.": "Typ een straat, een huisnummer of een postcode.",
    }
)
NL.update(
    {
        "Contract %(reference)s ends on": "Contract %(reference)s eindigt op",
        "Contract %(reference)s runs at the same time (%(period)s): a report measures the hires against one contract at a time, so a new one starts after it ends (give that contract its end date in the list above).": "Contract %(reference)s loopt in dezelfde tijd (%(period)s): een rapportage meet de plaatsingen aan één contract tegelijk, dus een nieuw contract begint nadat dat eindigt (geef dat contract zijn einddatum in de lijst hierboven).",
        "Contract %(reference)s starts on %(day)s: this one must end before it.": "Contract %(reference)s begint op %(day)s: dit contract moet daarvoor eindigen.",
        "Contract end date saved.": "Einddatum van het contract opgeslagen.",
        "End date": "Einddatum",
        "Enter the day the contract ends.": "Vul de dag in waarop het contract eindigt.",
        "Enter the obligation: a percentage of the value, or an amount below.": "Vul de verplichting in: een percentage van de waarde, of een bedrag hieronder.",
        "Save the end date": "Einddatum opslaan",
        "Social-return contract's end date set": "Einddatum van social-returncontract vastgelegd",
        "This contract does not exist.": "Dit contract bestaat niet.",
        "from %(day)s, without an end": "vanaf %(day)s, zonder einddatum",
        "Hours per week with at most one decimal (25,5).": "Uren per week met hoogstens één decimaal (25,5).",
    }
)
NL.update({"Enter a number, like 25,5.": "Vul een getal in, zoals 25,5."})
NL.update(
    {
        "%(n)d door moved.": ("%(n)d deur verplaatst.", "%(n)d deuren verplaatst."),
        "%(n)d door taken off its list.": (
            "%(n)d deur van haar lijst gehaald.",
            "%(n)d deuren van hun lijst gehaald.",
        ),
        "%(n)d door more than fit": ("%(n)d deur meer dan past", "%(n)d deuren meer dan past"),
        "%(n)d door without coordinates": (
            "%(n)d deur zonder coördinaten",
            "%(n)d deuren zonder coördinaten",
        ),
        "%(n)d door may not be visited any more": (
            "%(n)d deur mag niet meer bezocht worden",
            "%(n)d deuren mogen niet meer bezocht worden",
        ),
        "%(n)d list changed.": ("%(n)d lijst gewijzigd.", "%(n)d lijsten gewijzigd."),
        "%(n)d walk list on this day": (
            "%(n)d looproute op deze dag",
            "%(n)d looproutes op deze dag",
        ),
        "%(n)s doors ticked": "%(n)s deuren aangevinkt",
        "%(shown)d of %(n)d walk lists shown": "%(shown)d van de %(n)d looproutes getoond",
        "1 door ticked": "1 deur aangevinkt",
        "A list on the page is no longer there. Reload it.": "Een lijst op deze pagina bestaat niet meer. Laad de pagina opnieuw.",
        "All back to draft": "Alles terug naar concept",
        "All lists": "Alle lijsten",
        "Choose the list the doors go to.": "Kies de lijst waar de deuren naartoe gaan.",
        "Choose what to do with the doors.": "Kies wat er met de deuren moet gebeuren.",
        "Choose what to do with the lists.": "Kies wat er met de lijsten moet gebeuren.",
        "Done": "Klaar",
        "Down": "Omlaag",
        "Drafts": "Concepten",
        "Every list shown": "Alle getoonde lijsten",
        "Filter": "Filteren",
        "Filter the lists": "De lijsten filteren",
        "List": "Lijst",
        "List %(n)d": "Lijst %(n)d",
        "Lists to look at": "Lijsten met aandachtspunten",
        "Lock all": "Alles vergrendelen",
        "Lock all shown": "Alle getoonde vergrendelen",
        "Locked": "Vergrendeld",
        "Map of the walk lists, their meeting points and the doors not planned": "Kaart van de looproutes, hun verzamelpunten en de niet geplande deuren",
        "Minutes": "Minuten",
        "Move anyway": "Toch verplaatsen",
        "Move to": "Verplaatsen naar",
        "No doors": "Geen deuren",
        "No list matches the filter.": "Geen lijst past bij het filter.",
        "No meeting point on the map": "Geen verzamelpunt op de kaart",
        "Not planned": "Niet gepland",
        "Publish all": "Alles publiceren",
        "Publish all shown": "Alle getoonde publiceren",
        "Published": "Gepubliceerd",
        "Show": "Tonen",
        "Show all lists": "Alle lijsten tonen",
        "Swap the two": "De twee omwisselen",
        "Take off the list": "Van de lijst halen",
        "The doors changed places.": "De deuren zijn van plaats gewisseld.",
        "The walk lists of this day": "De looproutes van deze dag",
        "The walking order changed.": "De loopvolgorde is gewijzigd.",
        "These doors may be visited but did not fit in the shifts, or have no coordinates. Tick them and move them to a list, or they come first in a later plan when they rank highest.": "Deze deuren mogen bezocht worden maar pasten niet in de diensten, of hebben geen coördinaten. Vink ze aan en verplaats ze naar een lijst; anders komen ze eerst aan de beurt in een latere planning als ze het hoogst staan.",
        "Those doors are already on this list.": "Die deuren staan al op deze lijst.",
        "Those doors are not on a list.": "Die deuren staan niet op een lijst.",
        "Tick at least one door that is on a list to swap.": "Vink om te wisselen minstens één deur aan die op een lijst staat.",
        "Tick exactly two doors to swap them.": "Vink precies twee deuren aan om ze te wisselen.",
        "Tick one or more doors first.": "Vink eerst een of meer deuren aan.",
        "Time": "Tijd",
        "To look at": "Aandachtspunten",
        "Unlock all": "Alles ontgrendelen",
        "Up": "Omhoog",
        "With the ticked doors:": "Met de aangevinkte deuren:",
        "meeting point": "verzamelpunt",
        "not planned": "niet gepland",
    }
)
NL.update(
    {
        "%(n)d door": ("%(n)d deur", "%(n)d deuren"),
        "%(n)d visit typed in from the sheet.": (
            "%(n)d bezoek van het blad ingevoerd.",
            "%(n)d bezoeken van het blad ingevoerd.",
        ),
        "A coach's visit is their own.": "Het bezoek van een coach is van die coach zelf.",
        "Advice letter: given, and signed on the sheet": "Adviesbrief: gegeven, en getekend op het blad",
        "Already logged that day. It stays as it is; a visit you type in here goes to your review list beside it.": "Al gelogd die dag. Dat blijft zoals het is; een bezoek dat u hier invoert, komt ernaast in uw lijst te controleren bezoeken.",
        "Between %(start)s and %(end)s: the shift, give or take two hours.": "Tussen %(start)s en %(end)s: de dienst, met twee uur ervoor en erna.",
        "Choose an outcome for at least one door.": "Kies een uitkomst voor minstens één deur.",
        "Choose an outcome for each door the team wrote on the sheet; doors without an outcome are left as they are. For a conversation, open its household form. Nothing is saved until every door is right.": "Kies een uitkomst voor elke deur die het team op het blad schreef; deuren zonder uitkomst blijven zoals ze zijn. Open bij een gesprek het formulier van het huishouden. Er wordt pas iets opgeslagen als elke deur klopt.",
        "Choose the outcome of this door.": "Kies de uitkomst van deze deur.",
        "Choose who walked this door.": "Kies wie deze deur heeft gelopen.",
        "Consent wording on the sheet": "Tekst van de toestemming op het blad",
        "Enter a whole number, like 3.": "Vul een heel getal in, zoals 3.",
        "Enter the time, as on the sheet (HH:MM).": "Vul de tijd in, zoals op het blad (UU:MM).",
        "Follow-up contact: given, and signed on the sheet": "Contact voor vervolg: gegeven, en getekend op het blad",
        "Household form (only for a conversation)": "Formulier van het huishouden (alleen bij een gesprek)",
        "Nothing was saved. Correct the doors below:": "Er is niets opgeslagen. Verbeter deze deuren:",
        "Only a consent the household signed on the sheet counts. It is saved as given on paper, with the wording printed on the sheet.": "Alleen een toestemming die het huishouden op het blad tekende, telt. Die wordt opgeslagen als gegeven op papier, met de tekst die op het blad staat.",
        "Only a conversation has household answers: choose Conversation, or empty the household form.": "Alleen een gesprek heeft antwoorden van het huishouden: kies Gesprek, of maak het formulier van het huishouden leeg.",
        "Only coaches of the team on that day.": "Alleen coaches van het team op die dag.",
        "Save the sheet": "Blad opslaan",
        "The door has a visit on the tablet and one typed in from paper.": "De deur heeft een bezoek op de tablet en een dat van papier is ingevoerd.",
        "This form is out of date: reload the page.": "Dit formulier is verouderd: laad de pagina opnieuw.",
        "This measure does not fit this dwelling.": "Deze maatregel past niet bij deze woning.",
        "This walk list has no doors.": "Deze looproute heeft geen deuren.",
        "Time": "Tijd",
        "Type in the paper sheet": "Papieren looproute invoeren",
        "Visits typed in from the paper walk sheet": "Bezoeken ingevoerd van de papieren looproute",
        "Walk list %(id)s": "Looproute %(id)s",
        "Walk list %(id)s of %(team)s, %(day)s, %(start)s–%(end)s.": "Looproute %(id)s van %(team)s, %(day)s, %(start)s–%(end)s.",
        "Walk lists": "Looproutes",
        "Walked by": "Gelopen door",
        "on paper, signed on the sheet": "op papier, getekend op het blad",
        "on the tablet": "op de tablet",
        "typed in from paper": "ingevoerd van papier",
        "typed in from the paper sheet": "ingevoerd van de papieren looproute",
    }
)
# Issue 16, tenth review: what the contract's realised figure is made of, line by line.
NL.update(
    {
        "Realised under the contract, line by line": "Gerealiseerd onder het contract, regel voor regel",
        "Building block": "Bouwblok",
        "Rate (€)": "Tarief (€)",
        "Basis hours": "Basisuren per week",
        "Months": "Maanden",
        "Number": "Aantal",
        "Realised": "Gerealiseerd",
    }
)
NL.update(
    {
        "none: provisional. The period runs until %(day)s, the figures stand on %(peildatum)s and may still change. Not for signing.": "geen: voorlopig. De periode loopt tot en met %(day)s, de cijfers staan op %(peildatum)s en kunnen nog veranderen. Niet om te ondertekenen.",
    }
)
# Issue 16, tenth review: a rule table's errors in Dutch, as the catalogue's.
NL.update(
    {
        "rules: the key %(key)s is used twice": "rules: de key %(key)s komt twee keer voor",
        "rules %(i)s per: %(kind)s cannot be counted %(per)s; use %(use)s": "rules %(i)s per: %(kind)s telt niet %(per)s; gebruik %(use)s",
        "rules %(i)s when: %(name)s is not a condition for %(kind)s": "rules %(i)s when: %(name)s is geen voorwaarde voor %(kind)s",
        "rules %(i)s when: an hourly line has no conditions": "rules %(i)s when: een regel per uur heeft geen voorwaarden",
        "rules %(i)s when: no benefit is both shorter and longer": "rules %(i)s when: geen uitkering duurt tegelijk korter en langer",
        "rules %(i)s when: no one is that old and that young at once": "rules %(i)s when: niemand is tegelijk zo oud en zo jong",
        "rules %(i)s amount: at most two decimals (cents)": "rules %(i)s amount: hoogstens twee decimalen (centen)",
        "basis_hours: at most one decimal (36, 38.5)": "basis_hours: hoogstens één decimaal (36, 38.5)",
        "rules: a table needs at least one category": "rules: een tabel heeft minstens één categorie nodig",
        "a category": "een categorie",
        "a bonus": "een bonus",
        "an hourly line": "een regel per uur",
        "%(where)s: %(value)s: lower-case letters, digits and _ only (at most 64)": "%(where)s: %(value)s: alleen kleine letters, cijfers en _ (hoogstens 64)",
        "This is not valid JSON: something is wrong at line %(line)s, column %(column)s.": "Dit is geen geldige JSON: er klopt iets niet op regel %(line)s, kolom %(column)s.",
        "This is not valid JSON: only plain numbers (no NaN or Infinity) and at most a few levels of { } and [ ].": "Dit is geen geldige JSON: alleen gewone getallen (geen NaN of Infinity) en hoogstens een paar lagen { } en [ ].",
    }
)
NL.update(
    {
        "read-only here: add a change with POST /api/v1/employees/<id>/contract-changes, remove one with DELETE": "hier alleen te lezen: voeg een wijziging toe met POST /api/v1/employees/<id>/contract-changes, verwijder er een met DELETE",
        "read-only here: add a record with POST /api/v1/employees/<id>/training-records": "hier alleen te lezen: voeg een opleiding toe met POST /api/v1/employees/<id>/training-records",
        "read-only: cannot be changed": "alleen te lezen: kan niet worden gewijzigd",
    }
)
NL.update(
    {
        "Use one line: no tabs, line breaks or other control characters.": "Gebruik één regel: geen tabs, regeleinden of andere stuurtekens.",
    }
)
NL.update(
    {
        "The placement report PDF is in Dutch only; the CSV is also in English (lang=en).": "De plaatsingsrapportage als pdf is er alleen in het Nederlands; de csv is er ook in het Engels (lang=en).",
        "%(km)s km": "%(km)s km",
        "%(n)d× not home": "%(n)d× niet thuis",
        "%(num)d door": ("%(num)d deur", "%(num)d deuren"),
        "%(outcome)s, %(day)s": "%(outcome)s, %(day)s",
        "Appointment %(day)s %(time)s": "Afspraak %(day)s %(time)s",
        "Appointment, come back": "Afspraak, terugkomen",
        "Asked at %(time)s: another hour": "Om %(time)s gevraagd: ander uur",
        "Come back on %(day)s": "Terugkomen op %(day)s",
        "Conversation on paper": "Gesprek op papier",
        "Last time": "Vorige keer",
        "List %(number)d (no. %(id)d)": "Lijst %(number)d (nr. %(id)d)",
        "Meeting point: %(place)s": "Verzamelpunt: %(place)s",
        "No door has a place on the map yet.": "Nog geen deur heeft een plek op de kaart.",
        "No.": "Nr.",
        "Not on the sketch (no place known): %(doors)s": "Niet op de schets (plek onbekend): %(doors)s",
        "One cross per door. Enter the visits on the tablet afterwards, or give this sheet to your team lead.": "Eén kruisje per deur. Voer de bezoeken daarna in op de tablet, of geef dit blad aan je teamleider.",
        "Remark": "Notitie",
        "Stop no.": "Stopnr.",
        "This page is left blank for printing on both sides.": "Deze pagina is leeg, voor dubbelzijdig afdrukken.",
        "Walk list %(campaign)s": "Looproute %(campaign)s",
        "Walk sheets": "Looproutes",
        "about %(n)d minutes": "ongeveer %(n)d minuten",
    }
)
NL.update(
    {
        "Lists": "Lijsten",
        "Walk lists today, every team": "Looproutes vandaag, alle teams",
        "no list": "geen lijst",
    }
)

# Issue 17: background jobs (planning, geocoding, the day's letters).
NL.update(
    {
        "The job stopped on an unexpected error. The error was logged for the administrator. Try again; if it fails again, ask the administrator.": "De taak stopte door een onverwachte fout. De fout is vastgelegd voor de beheerder. Probeer het opnieuw; mislukt het weer, vraag dan de beheerder.",
        "What this job was for no longer exists.": "Waar deze taak voor was, bestaat niet meer.",
        "This is already running: here is its progress.": "Dit loopt al: hier zie je de voortgang.",
        "Planning the walk lists of %(date)s": "Looproutes plannen voor %(date)s",
        "Finding coordinates": "Coördinaten zoeken",
        "The letters of %(date)s as one PDF": "De brieven van %(date)s als één pdf",
        "Waiting for a worker…": "Wacht op een verwerker…",
        "Running: %(done)d of %(total)d.": "Bezig: %(done)d van %(total)d.",
        "Running…": "Bezig…",
        "Done.": "Klaar.",
        "Failed: %(reason)s": "Mislukt: %(reason)s",
        "%(found)d found, %(missing)d not found, %(errors)d errors.": "%(found)d gevonden, %(missing)d niet gevonden, %(errors)d fouten.",
        "%(n)d letter in the PDF.": ("%(n)d brief in de pdf.", "%(n)d brieven in de pdf."),
        "Open the plan": "Planning openen",
        "Back to the campaign": "Terug naar de campagne",
        "Back to the letters": "Terug naar de brieven",
        "Only a job that failed can be tried again.": "Alleen een mislukte taak kan opnieuw.",
        "This job has no file (yet).": "Deze taak heeft (nog) geen bestand.",
        "Download the PDF": "Pdf downloaden",
        "The work goes on in the background: you may close this page and come back later.": "Het werk gaat op de achtergrond door: je mag deze pagina sluiten en later terugkomen.",
        "If it keeps waiting, the workers are busy with other jobs, or none is running: then ask the administrator to start one.": "Blijft het wachten, dan zijn de verwerkers met andere taken bezig, of draait er geen: vraag de beheerder dan er een te starten.",
        "Progress": "Voortgang",
        "Try again": "Opnieuw proberen",
    }
)
NL.update(
    {
        "Every walk sheet of the day (PDF)": "Alle looproutes van de dag (PDF)",
        "There is no walk list to print on this day.": "Er is op deze dag geen looproute om af te drukken.",
    }
)

# Issue 15, eleventh review: a measure without figures, an empty figures box.
NL.update(
    {
        "This measure has no figures: letters do not reckon with it. Write its figures here to add them.": "Deze maatregel heeft geen cijfers: brieven rekenen er niet mee. Schrijf hier de cijfers om ze toe te voegen.",
        "The figures box was empty: the measure's figures stay as they were.": "Het vak met cijfers was leeg: de cijfers van de maatregel blijven zoals ze waren.",
        "The measure has no figures.": "De maatregel heeft geen cijfers.",
    }
)

# Issue 15, eleventh review: an assumed area is called one (floor insulation's ISDE too).
NL.update(
    {
        " (we assumed %(m2)s m², usual for a home like yours)": " (wij gingen uit van %(m2)s m², gebruikelijk voor een woning zoals de uwe)",
    }
)

# Issue 15, eleventh review: the day's bundle prints what was not sent; why a letter is outdated.
NL.update(
    {
        "%(n)d letter was printed before a correction (marked in the list below): print the new version and post that one.": (
            "%(n)d brief is afgedrukt vóór een verbetering (gemarkeerd in de lijst hieronder): druk de nieuwe versie af en verstuur die.",
            "%(n)d brieven zijn afgedrukt vóór een verbetering (gemarkeerd in de lijst hieronder): druk de nieuwe versies af en verstuur die.",
        ),
        "%(n)d letter was printed before a correction, so it was not marked as sent: print the new version (marked in the list below) and post that one.": (
            "%(n)d brief is afgedrukt vóór een verbetering, dus niet gemarkeerd als verstuurd: druk de nieuwe versie af (gemarkeerd in de lijst hieronder) en verstuur die.",
            "%(n)d brieven zijn afgedrukt vóór een verbetering, dus niet gemarkeerd als verstuurd: druk de nieuwe versies af (gemarkeerd in de lijst hieronder) en verstuur die.",
        ),
        "Print the %(n)d letter not sent yet (one PDF)": (
            "De %(n)d brief die nog niet verstuurd is afdrukken (één pdf)",
            "De %(n)d brieven die nog niet verstuurd zijn afdrukken (één pdf)",
        ),
        "Print the %(n)d letter again, though it was sent": (
            "De %(n)d brief opnieuw afdrukken, al is hij verstuurd",
            "Alle %(n)d brieven afdrukken, ook die al verstuurd zijn",
        ),
        "%(reference)s was printed before the prices for the day of the visit changed": "%(reference)s is afgedrukt voordat de prijzen voor de dag van het bezoek veranderden",
        "%(reference)s was printed before the figures of the measures or the financing were corrected": "%(reference)s is afgedrukt voordat de cijfers van de maatregelen of de financiering werden verbeterd",
        "%(reference)s was printed before the prices or the figures of the measures were corrected": "%(reference)s is afgedrukt voordat de prijzen of de cijfers van de maatregelen werden verbeterd",
        "%(reference)s was made before letters recorded what they were made from": "%(reference)s is gemaakt voordat brieven vastlegden waarmee ze gemaakt zijn",
    }
)
NL.update(
    {
        "%(n)d letter printed and not yet sent was made with other prices: the team lead finds it marked in the letter register, to print the new version. Letters already sent keep their figures.": (
            "%(n)d brief die is afgedrukt maar nog niet verstuurd, is gemaakt met andere prijzen: de teamleider ziet hem gemarkeerd in het brievenoverzicht en drukt de nieuwe versie af. Verstuurde brieven houden hun cijfers.",
            "%(n)d brieven die zijn afgedrukt maar nog niet verstuurd, zijn gemaakt met andere prijzen: de teamleider ziet ze gemarkeerd in het brievenoverzicht en drukt de nieuwe versies af. Verstuurde brieven houden hun cijfers.",
        ),
    }
)
NL.update(
    {
        "There is no letter of this day left to print: every one was sent. To print them again, choose the button with the letters already sent.": "Er is geen brief van deze dag meer af te drukken: ze zijn allemaal verstuurd. Wilt u ze opnieuw afdrukken, kies dan de knop met de brieven die al verstuurd zijn.",
    }
)

# Issue 15, eleventh review: visits refused where impossible, put before the lead where doubtful.
NL.update(
    {
        "Appointment: it lies before the visit itself. Check the appointment's date and time.": "Afspraak: die ligt vóór het bezoek zelf. Kijk de datum en tijd van de afspraak na.",
        'Language spoken: "%(code)s" is no language code we know. Write the language\'s name (Turks) or its code (tr).': 'Gesproken taal: "%(code)s" is geen taalcode die wij kennen. Schrijf de naam van de taal (Turks) of de code (tr).',
        "The day of the visit lies outside the campaign's dates.": "De dag van het bezoek ligt buiten de data van de campagne.",
        "The appointment is at night: check its time with the coach.": "De afspraak is 's nachts: kijk de tijd na met de coach.",
    }
)
NL.update(
    {
        "%(n)d shift on this day: choose which to plan again": (
            "%(n)d dienst op deze dag: kies welke je opnieuw plant",
            "%(n)d diensten op deze dag: kies welke je opnieuw plant",
        ),
    }
)
NL.update(
    {
        "Note: version %(version)s took effect on %(day)s, within the period; this report counts the whole period by the table in force on its last day.": "Let op: versie %(version)s ging in op %(day)s, binnen de periode; deze rapportage rekent de hele periode met de tabel die op de laatste dag gold.",
    }
)
NL.update(
    {
        "Or a meeting point used before": "Of een verzamelpunt van eerder",
        "Nothing typed or chosen: the team's meeting point of its last shift.": "Niets ingevuld of gekozen: het verzamelpunt van de vorige dienst van het team.",
        "The team's meeting point of its last shift was taken: %(point)s.": "Het verzamelpunt van de vorige dienst van het team is overgenomen: %(point)s.",
        "The meeting point's place was taken from the address %(point)s.": "De plek van het verzamelpunt komt van het adres %(point)s.",
    }
)
NL.update({"Background job tried again": "Achtergrondtaak opnieuw geprobeerd"})
NL.update(
    {
        "The geocoder did not answer for any address (no connection, or a wrong geocoder setting). Check it, then try again: the addresses are asked again.": "De geocoder gaf voor geen enkel adres antwoord (geen verbinding, of een verkeerde geocoder-instelling). Controleer dat en probeer het opnieuw: de adressen worden dan opnieuw gevraagd.",
    }
)
NL.update(
    {
        "All shown back to draft": "Alle getoonde terug naar concept",
        "Unlock all shown": "Alle getoonde ontgrendelen",
        "That list is done: its doors stay as walked.": "Die looproute is afgerond: de deuren blijven zoals ze gelopen zijn.",
        "The list is locked.": "De looproute is vergrendeld.",
        "The list is unlocked.": "De looproute is ontgrendeld.",
        "The list is published: the team sees it on the tablet.": "De looproute is gepubliceerd: het team ziet hem op de tablet.",
        "The list is back to draft: the team no longer sees it.": "De looproute is terug naar concept: het team ziet hem niet meer.",
    }
)
NL.update(
    {
        "Write a number, for example 1200 or 1.200.": "Schrijf een getal, bijvoorbeeld 1200 of 1.200.",
        "Fill in a whole number.": "Vul een geheel getal in.",
        "Fill in a number from %(min)s to %(max)s.": "Vul een getal van %(min)s tot %(max)s in.",
    }
)
NL.update(
    {
        "Come back on: the day lies before the visit itself. Check the date.": "Terugkomen op: die dag ligt vóór het bezoek zelf. Kijk de datum na.",
        "The appointment is more than a year after the visit: check its date with the coach.": "De afspraak ligt meer dan een jaar na het bezoek: kijk de datum na met de coach.",
    }
)
NL.update(
    {
        "Advice letters viewed (not printed)": "Adviesbrieven bekeken (niet afgedrukt)",
    }
)
# Issue 16, eleventh review: hours above the rule table's basis count as one full-time job.
NL.update(
    {
        "%(hours)s hours a week count as full time (%(basis)s): an amount is per full-time year contract.": "%(hours)s uur per week telt als voltijd (%(basis)s): een bedrag geldt per fulltime jaarcontract.",
    }
)
# Issue 16, eleventh review: a table without a date never takes over from a dated one; dates
# go up with the version number.
NL.update(
    {
        "Version %(version)s, older than this one, applies from %(day)s: a newer version cannot start before it, or reports already issued for those days would change. Choose %(day)s or later.": "Versie %(version)s, ouder dan deze, geldt vanaf %(day)s: een nieuwere versie kan niet eerder ingaan, anders veranderen rapportages die al over die dagen zijn uitgegeven. Kies %(day)s of later.",
        "Version %(version)s, newer than this one, applies from %(day)s already: this older version cannot start after it. Choose a date before %(day)s.": "Versie %(version)s, nieuwer dan deze, geldt al vanaf %(day)s: deze oudere versie kan niet later ingaan. Kies een datum vóór %(day)s.",
        "Reports do not use this table: this municipality has versions with a confirmed date (the first, version %(n)d, from %(day)s), and a table without a date never takes over from them, so no report already issued changes. Confirm this table's date with the municipality's adviser social return to use it.": "Rapportages gebruiken deze tabel niet: deze gemeente heeft versies met een bevestigde datum (de eerste, versie %(n)d, vanaf %(day)s), en een tabel zonder datum neemt het nooit van die over, zodat geen uitgegeven rapportage verandert. Bevestig de datum van deze tabel met de adviseur social return van de gemeente om hem te gebruiken.",
    }
)
# Issue 16, eleventh review: evidence still missing, counted.
NL.update(
    {
        "%(num)d more piece of evidence to ask of the employer.": (
            "Nog %(num)d bewijsstuk op te vragen bij de werkgever.",
            "Nog %(num)d bewijsstukken op te vragen bij de werkgever.",
        ),
    }
)

# The day's walk sheets as a background job (issue 17).
NL.update(
    {
        "Every walk sheet shown (PDF)": "Alle getoonde looproutes (PDF)",
        "The walk sheets of %(date)s as one PDF": "De looproutes van %(date)s als één pdf",
        "%(n)d walk sheet in the PDF.": (
            "%(n)d looproute in de pdf.",
            "%(n)d looproutes in de pdf.",
        ),
        "%(n)d list was removed meanwhile and is not in it.": (
            "%(n)d lijst is intussen verwijderd en zit er niet in.",
            "%(n)d lijsten zijn intussen verwijderd en zitten er niet in.",
        ),
    }
)

NL.update(
    {
        "Take every list shown back to draft? The teams no longer see them on their tablets until you publish again.": "Alle getoonde lijsten terug naar concept? De teams zien ze dan niet meer op hun tablet tot u ze weer publiceert.",
    }
)

NL.update(
    {
        "%(n)d door has no coordinates yet and could not be planned.": (
            "%(n)d deur heeft nog geen coördinaten en kon niet worden ingepland.",
            "%(n)d deuren hebben nog geen coördinaten en konden niet worden ingepland.",
        ),
        "This day has passed. Lists planned now no longer reach a team: check the date above.": "Deze dag is voorbij. Lijsten die u nu plant, bereiken geen team meer: kijk de datum hierboven na.",
    }
)
# Issue 15: two conversations at one door on one day give one letter, from the latest.
NL.update(
    {
        "The door has another conversation on the same day: the household gets one letter, made from the latest, once you have checked with the coaches which one is right (correct the latest if need be).": "Deze deur heeft op dezelfde dag nog een gesprek: het huishouden krijgt één brief, gemaakt van het laatste gesprek, zodra u met de coaches hebt nagekeken welk gesprek klopt (verbeter zo nodig het laatste).",
    }
)
# Issue 15: a corrected letter says which letter it replaces.
NL.update(
    {
        "This letter replaces letter %(reference)s of %(date)s.": "Deze brief vervangt brief %(reference)s van %(date)s.",
    }
)
# Issue 15: a visit before the first price book: the letter and the register say why there are no euros.
NL.update(
    {
        "We have no energy prices for %(date)s, the day of your visit. So this letter does not say what the savings are worth in euros, or how soon a step pays for itself. The amounts of gas and electricity it saves are right.": "Wij hebben geen energieprijzen voor %(date)s, de dag van ons bezoek. Daarom staat in deze brief niet wat u met de besparing in euro's wint, en ook niet na hoeveel jaar een stap zich terugverdient. Hoeveel gas en stroom u bespaart, klopt wel.",
        "No price book is in force on this day: it lies before the first one. The letters show no savings in euros, and say that prices for this day are not available. Ask the administrator to add a price book from this day or earlier before you print.": "Op deze dag geldt geen prijslijst: de dag ligt vóór de eerste. De brieven tonen geen besparing in euro's en zeggen dat er voor deze dag geen prijzen zijn. Vraag de beheerder vóór het afdrukken een prijslijst toe te voegen vanaf deze dag of eerder.",
    }
)
# Issue 15: floor insulation is priced per m², times the floor area assumed.
NL.update(
    {
        "It costs %(low)s to %(high)s per m²%(year)s. The table assumes a floor of %(m2)s m², usual for a home like yours: %(total)s. Ask for a quote for your own floor.": "Het kost %(low)s tot %(high)s per m²%(year)s. De tabel rekent met een vloer van %(m2)s m², gebruikelijk voor een woning zoals de uwe: %(total)s. Vraag een offerte voor uw eigen vloer.",
        "needs area_m2, the area it is multiplied by": "heeft area_m2 nodig, de oppervlakte waarmee het wordt vermenigvuldigd",
        "min is above max": "min is hoger dan max",
        "%(source)s is not a known source": "%(source)s is geen bekende bron",
        "takes the place of invest_min_eur and invest_max_eur: remove those": "komt in de plaats van invest_min_eur en invest_max_eur: haal die weg",
        "variants %(n)s invest_eur_per_m2: %(problem)s": "variants %(n)s invest_eur_per_m2: %(problem)s",
    }
)

# Reports made by a worker (issue 17).
NL.update(
    {
        "%(start)s to %(end)s": "%(start)s tot en met %(end)s",
        "The programme report, %(period)s": "Het programmarapport, %(period)s",
        "The placement report, %(period)s": "Het plaatsingsrapport, %(period)s",
        "%(n)d person in the report.": (
            "%(n)d persoon in het rapport.",
            "%(n)d personen in het rapport.",
        ),
        "Version number %(v)d.": "Versienummer %(v)d.",
        "The report is ready.": "Het rapport is klaar.",
        "Back to the programme report": "Terug naar het programmarapport",
        "Back to the placement page": "Terug naar de plaatsingspagina",
        "Download the CSV": "Csv downloaden",
        "Download the report": "Het rapport downloaden",
        "The report is made in the background: its page shows the progress, then the file.": "Het rapport wordt op de achtergrond gemaakt: de pagina ervan toont de voortgang en daarna het bestand.",
    }
)

NL.update({"Choose the employer.": "Kies de werkgever."})

NL.update(
    {
        "A flat's doors stay together behind their entrance, so they cannot be swapped one by one: move the whole entrance instead.": "De deuren van een flat horen bij elkaar achter hun portiek en kunnen niet één voor één worden geruild: verplaats het hele portiek.",
    }
)

# Social activities traced line by line in the placement report (issue 16, auditor's review).
NL.update(
    {
        "of which social activities of the employer (€)": "waarvan sociale activiteiten van de werkgever (€)",
        "Hours given to social activities": "Uren aan sociale activiteiten",
        "Social activities of the employer": "Sociale activiteiten van de werkgever",
        "Description": "Omschrijving",
    }
)

# The employer page: the social return on one line, its source in a note under the table.
NL.update(
    {
        "source below the table": "bron onder de tabel",
        "Social return by the rules of %(m)s, version %(v)d. Source: %(source)s": "Social return volgens de regels van %(m)s, versie %(v)d. Bron: %(source)s",
    }
)

# Which issued version a placement report replaces (issue 16, auditor's review).
NL.update(
    {
        "Replaces": "Vervangt",
        "Same figures as": "Dezelfde cijfers als",
        "version %(n)s of %(day)s": "versie %(n)s van %(day)s",
    }
)

# The placement report's header counts people in the singular for one (issue 16).
NL.update(
    {
        "%(num)d employee": ("%(num)d medewerker", "%(num)d medewerkers"),
    }
)

# The employer page without a visit in the period: a sentence, not a chart of zeros.
NL.update(
    {
        "No visits in this period.": "Geen bezoeken in deze periode.",
    }
)

NL.update(
    {
        "Nothing changed: that door is already first on its list.": (
            "Er is niets veranderd: die deur staat al bovenaan zijn lijst.",
            "Er is niets veranderd: die deuren staan al bovenaan hun lijst.",
        ),
        "Nothing changed: that door is already last on its list.": (
            "Er is niets veranderd: die deur staat al onderaan zijn lijst.",
            "Er is niets veranderd: die deuren staan al onderaan hun lijst.",
        ),
        "No list changed: they already were so, or are done.": "Geen lijst gewijzigd: ze stonden al zo, of zijn klaar.",
    }
)

NL.update(
    {
        "%(n)d list locked.": ("%(n)d lijst vergrendeld.", "%(n)d lijsten vergrendeld."),
        "%(n)d list unlocked.": ("%(n)d lijst ontgrendeld.", "%(n)d lijsten ontgrendeld."),
        "%(n)d list published: the teams see it.": (
            "%(n)d lijst gepubliceerd: het team ziet hem.",
            "%(n)d lijsten gepubliceerd: de teams zien ze.",
        ),
        "%(n)d list back to draft.": (
            "%(n)d lijst terug naar concept.",
            "%(n)d lijsten terug naar concept.",
        ),
    }
)

NL.update({"To the door actions": "Naar de deuracties"})

NL.update(
    {
        "waits for your check": "wacht op uw controle",
        "Check it under Visits to check; the letter is printed after that.": "Kijk het na bij Te controleren bezoeken; daarna wordt de brief afgedrukt.",
    }
)

NL.update(
    {
        "The file has been removed: files are kept for an hour (they hold personal data), and erasing a household removes them at once. Make it again from the page below.": (
            "Het bestand is verwijderd: bestanden blijven een uur bewaard (er staan persoonsgegevens in), en het wissen van een huishouden verwijdert ze meteen. Maak het opnieuw vanaf de pagina hieronder.",
            "Het bestand is verwijderd: bestanden blijven %(n)d uur bewaard (er staan persoonsgegevens in), en het wissen van een huishouden verwijdert ze meteen. Maak het opnieuw vanaf de pagina hieronder.",
        ),
    }
)

NL.update({"Hours with at most one decimal (3,5).": "Uren met hoogstens één decimaal (3,5)."})

NL.update(
    {
        "For the municipality, without health data, with initials": "Voor de gemeente, zonder gezondheidsgegevens, met initialen",
        "For the municipality, without health data, with full names": "Voor de gemeente, zonder gezondheidsgegevens, met volledige namen",
        "For the employer: with attendance and sickness, not for the municipality": "Voor de werkgever: met aanwezigheid en ziekte, niet voor de gemeente",
        "CSV in English": "CSV in het Engels",
        "CSV in Dutch": "CSV in het Nederlands",
        "The same with initials (CSV)": "Hetzelfde met initialen (CSV)",
    }
)

NL.update({"Solar panels: %(n)s": "Zonnepanelen: %(n)s"})

NL.update(
    {
        "These savings count on the gas you will use after the steps above; today, before those steps, they save more.": "Deze besparingen rekenen met het gas dat u na de stappen hierboven nog gebruikt; nu, vóór die stappen, besparen ze meer.",
    }
)

NL.update(
    {
        "%(door)s shares its entrance with doors on another list: a flat's doors stay together. Move the whole entrance.": "%(door)s deelt het portiek met deuren op een andere lijst: de deuren van een flat horen bij elkaar. Verplaats het hele portiek.",
    }
)

NL.update(
    {"Choose one of the page's report buttons.": "Kies een van de rapportknoppen op de pagina."}
)

NL.update(
    {
        "The placement report of %(employer)s, %(period)s": "Het plaatsingsrapport van %(employer)s, %(period)s",
        "Reports you made": "Rapporten die u maakte",
    }
)

NL.update(
    {
        "This letter waits until the team lead has checked the visit; it can be printed after that.": "Deze brief wacht tot de teamleider het bezoek heeft nagekeken; daarna kan hij worden afgedrukt.",
    }
)
