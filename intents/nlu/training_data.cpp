#include "intents/nlu/training_data.hpp"

// One example a line: `label<TAB>text`. Written to cover how runners really type: lower case,
// typos, emojis, Slack mentions and slash commands. The held-out evaluation set shares no sentence
// with it.

namespace rubdown::intents::nlu {

namespace {

// massage_question: 265 examples.
constexpr std::string_view kMassageQuestion = R"data(
massage_question	what is deep tissue massage?
massage_question	What's a deep tissue massage exactly
massage_question	what does deep tissue mean
massage_question	whats deep tissue massage
massage_question	explain deep tissue massage to me
massage_question	can you explain what a sports massage is
massage_question	what is a sports massage
massage_question	What exactly happens during a sports massage?
massage_question	what's the difference between deep tissue and a normal massage
massage_question	how is a sports massage different from a relaxation massage
massage_question	deep tissue vs swedish massage, which is better for runners?
massage_question	is sports massage the same as deep tissue?
massage_question	difference between sports massage and deep tissue
massage_question	sports massage vs relaxing spa massage for a runner?
massage_question	how does deep tissue differ from a regular massage
massage_question	why do runners get sports massages
massage_question	why do runners prefer deep tissue massage
massage_question	why would a runner want a deep tissue massage
massage_question	do runners really need massages?
massage_question	is massage actually good for runners
massage_question	what are the benefits of massage for runners
massage_question	benefits of sports massage?
massage_question	what are the benefits of deep tissue massage
massage_question	how does massage help running recovery
massage_question	does massage help recovery after a long run
massage_question	does a massage really improve blood flow
massage_question	does massage increase circulation
massage_question	is it true massage flushes out toxins
massage_question	does massage get rid of lactic acid
massage_question	do massages remove toxins from muscles
massage_question	can massage help with sore calves
massage_question	will a massage help my tight hamstrings
massage_question	can a sports massage fix tight spots in my quads
massage_question	does massage help with muscle cramps
massage_question	my calves keep cramping, would massage help?
massage_question	can massage help shin splints
massage_question	is massage good for IT band pain
massage_question	does deep tissue help plantar fasciitis
massage_question	will massage help my sore legs after a marathon
massage_question	can massage improve flexibility
massage_question	does massage improve range of motion
massage_question	can massage help me run faster
massage_question	does massage reduce DOMS
massage_question	does massage help with delayed onset muscle soreness
massage_question	how often should runners get a massage
massage_question	how often should i get a sports massage
massage_question	how often do you recommend a deep tissue massage
massage_question	how many massages a month for marathon training
massage_question	is once a week too often for a deep tissue massage
massage_question	how frequently should a runner book a massage
massage_question	should i get a massage every week during marathon training
massage_question	when is the best time to get a massage
massage_question	when should i book a massage after a hard session
massage_question	is it better to get a massage the day after a race
massage_question	how soon after a marathon can I get a massage
massage_question	how long after a race should i wait for a massage
massage_question	how long before a race should i have my last massage
massage_question	should i get a massage before my race
massage_question	is a massage the day before a race a bad idea
massage_question	how many days before a marathon should I stop getting deep tissue
massage_question	can i get a deep tissue massage 2 days before a half marathon
massage_question	should I have a sports massage the week of my race
massage_question	is a pre race massage a good idea
massage_question	when should I get a massage before a 10k
massage_question	what about massage after intervals?
massage_question	after a hard workout is massage helpful
massage_question	should i get a massage after a long run or wait
massage_question	does deep tissue massage hurt
massage_question	will deep tissue massage hurt a lot?
massage_question	is it normal for a sports massage to be painful
massage_question	is it supposed to hurt
massage_question	why does deep tissue massage hurt so much
massage_question	will i be sore after a deep tissue massage
massage_question	is it normal to feel sore the day after a massage
massage_question	how long does soreness last after deep tissue
massage_question	can I run after a deep tissue massage
massage_question	can i run the day after a sports massage
massage_question	should i rest after a deep tissue massage
massage_question	is it ok to go for a run after a massage
massage_question	how long should I wait to run after a massage
massage_question	should i drink water after a massage
massage_question	why do they tell you to drink water after a massage
massage_question	how long is a typical sports massage session
massage_question	what should i expect at my first sports massage
massage_question	what should i wear to a sports massage
massage_question	do i need to be injured to get a sports massage
massage_question	is massage useful if i'm not injured
massage_question	can massage prevent injuries
massage_question	does massage help prevent running injuries
massage_question	is foam rolling as good as a massage
massage_question	foam roller or massage gun or a real massage?
massage_question	is a massage gun the same as a deep tissue massage
massage_question	does a massage help with tight hip flexors
massage_question	is massage good for achilles tendinitis
massage_question	can massage help a pulled hamstring
massage_question	should i massage a calf strain
massage_question	my glutes are super tight, will massage help
massage_question	would deep tissue help my knots
massage_question	what causes knots and can massage fix them
massage_question	can massage break up scar tissue
massage_question	does massage help with fascia
massage_question	what is myofascial release
massage_question	is trigger point massage good for runners
massage_question	do elite runners get massages
massage_question	how do pros use massage in training
massage_question	is sports massage worth the money
massage_question	is a deep tissue massage worth it for a beginner runner
massage_question	massage for runners, worth it?
massage_question	do i need a massage if i only run 20k a week
massage_question	is massage good during a taper
massage_question	should i keep getting massages during taper week
massage_question	can a massage make me feel heavy legged
massage_question	why do my legs feel heavy after a massage
massage_question	is it bad to get a massage when you're really sore
massage_question	can massage help if my legs are sore from yesterday's run
massage_question	i did a hard 10k yesterday, would a massage help my legs?
massage_question	ran a marathon on sunday, when should I get a massage?
massage_question	i ran 20k this morning and my calves are tight, should i get a massage?
massage_question	just did intervals, is a massage a good idea today?
massage_question	did my long run, should i book a massage now or tomorrow?
massage_question	i ran 15k, is massage good for recovery or should i just rest?
massage_question	how deep should a sports massage go
massage_question	what pressure should i ask for in a deep tissue massage
massage_question	light or firm pressure for recovery?
massage_question	is it normal to bruise after deep tissue massage
massage_question	can massage cause injury
massage_question	are there times i shouldn't get a massage
massage_question	when should you avoid a sports massage
massage_question	massage after an injury, yes or no?
massage_question	is massage safe with a stress fracture
massage_question	can massage help my lower back pain from running
massage_question	does massage help with runner's knee
massage_question	can massage help with stiff ankles
massage_question	should my massage therapist work on my feet
massage_question	how long do the benefits of a massage last
massage_question	does massage help sleep after a race
massage_question	does massage lower cortisol
massage_question	can massage reduce inflammation
massage_question	is it true massage speeds up recovery
massage_question	is there science behind sports massage
massage_question	does research support massage for athletes
massage_question	how does deep tissue work
massage_question	what does a sports massage therapist actually do
massage_question	what's the point of sports massage
massage_question	tell me about sports massage
massage_question	tell me more about deep tissue massage
massage_question	i'd like to know more about massage for runners
massage_question	info on deep tissue please
massage_question	question about massage
massage_question	quick massage question
massage_question	i have a question about deep tissue
massage_question	can you tell me if massage helps with cramps
massage_question	hey, does massage help shin pain?
massage_question	hi! how often should a marathoner get a massage?
massage_question	hello, what's the difference between sports and swedish massage
massage_question	good morning, is massage good before a race?
massage_question	<@U024BE7LH> what is sports massage
massage_question	<@U024BE7LH> does deep tissue hurt?
massage_question	massage benefits 🤔
massage_question	deep tissue?? 🤔
massage_question	sports massage pros and cons
massage_question	massge for runners benefits
massage_question	wat is deep tisue massage
massage_question	diffrence between sports and deep tissue massage
massage_question	does deep tissue masage hurt
massage_question	how offten should i get a massage
massage_question	is sprots massage good for recovery
massage_question	shud i get a massage before my marathon
massage_question	massage before race good or bad
massage_question	massage after race how long to wait
massage_question	why is massage good for runners
massage_question	why should runners bother with massage
massage_question	is a massage better than an ice bath
massage_question	massage or compression boots for recovery
massage_question	does massage help muscle tightness
massage_question	can a massage loosen tight calves
massage_question	will massage help tight it band
massage_question	does massage help stiff legs in the morning
massage_question	is it ok to get a massage if i have a cold
massage_question	is it ok to get massage during pregnancy as a runner
massage_question	how long should a deep tissue massage take
massage_question	30 or 60 minute massage for recovery?
massage_question	is a 30 min sports massage enough
massage_question	does massage help with cramping at night
massage_question	can massage fix muscle imbalances
massage_question	do i need a massage after every long run
massage_question	should i get massages in the off season
massage_question	is it worth getting a massage after a 5k
massage_question	will massage help me recover faster between races
massage_question	how does massage affect performance
massage_question	can a massage before a race make me slower
massage_question	why shouldn't you get a deep massage right before a race
massage_question	is a light flush massage ok the day before a race
massage_question	what is a flush massage
massage_question	what's a pre-event massage
massage_question	what's a post-event massage
massage_question	do massages help with soreness or is it placebo
massage_question	is the toxin thing a myth
massage_question	does massage really remove lactic acid or is that a myth
massage_question	how does massage help blood flow
massage_question	does massage help hamstring tightness
massage_question	is it normal to feel tired after a massage
massage_question	is it normal to feel emotional after a massage
massage_question	can I do a workout after a sports massage
massage_question	should i stretch after a massage
massage_question	should i get a massage or see a physio
massage_question	is a sports massage different from physiotherapy
massage_question	massage therapist vs physio for tight calves?
massage_question	what's better for recovery: massage or rest day
massage_question	does massage help with tired legs
massage_question	can massage help with heavy legs during training blocks
massage_question	what should I tell my massage therapist
massage_question	should i shower before a massage
massage_question	can i eat before a massage
massage_question	how long before a race is it safe to get deep tissue
massage_question	is deep tissue 3 days before a marathon ok
massage_question	how close to race day can i get a sports massage
massage_question	massage week of race?
massage_question	Is massage good for runners? 🏃
massage_question	what does deep tissue do for your muscles
massage_question	why is deep tissue massage painful but good
massage_question	what does sports massage help with
massage_question	who should get a sports massage
massage_question	is sports massage only for athletes
massage_question	can beginners benefit from sports massage
massage_question	do older runners need more massage
massage_question	does massage help with ageing muscles
massage_question	how many sessions of massage do i need for tight calves
massage_question	is deep tissue too intense for a new runner
massage_question	what's a good massage routine for marathon training
massage_question	is there a best day of the week for a massage
massage_question	should a massage be part of my recovery routine
massage_question	how long should i leave between two massages
massage_question	is it pointless to get a massage if i only run twice a week
massage_question	how does a sports massage help with tight hips
massage_question	is a massage good for muscle fatigue
massage_question	do massages help with muscle recovery between sessions
massage_question	can a massage help me bounce back after a race
massage_question	would a massage help me recover from a half
massage_question	can a massage make soreness worse
massage_question	is it normal that my legs ache after deep tissue
massage_question	why am i so sore after my sports massage
massage_question	should i avoid deep tissue after a hard workout
massage_question	can i have a massage on a rest day
massage_question	is a rest day a good time for a massage
massage_question	can massage help tendon pain
massage_question	does massage help with tight calves after speedwork
massage_question	is massage or stretching better for tight hamstrings
massage_question	what does a massage do that foam rolling can't
massage_question	is deep tissue the same as trigger point therapy
massage_question	how does sports massage improve performance
massage_question	does massage really help or is it just relaxing
massage_question	is relaxation massage useless for runners
massage_question	why not just get a normal massage
massage_question	is deep tissue worth it compared to a swedish massage
massage_question	which massage type is best after a marathon
massage_question	what kind of massage should i get after a race
massage_question	what type of massage is best for runners
massage_question	should my first massage be deep tissue or sports
massage_question	does sports massage help with running economy
massage_question	can massage help with cramp during races
massage_question	how long before a half should i avoid deep tissue
massage_question	is a massage 24 hours before a race ok
massage_question	should i get a massage 48 hours after a marathon
massage_question	massage right after a race, good idea?
)data";

// log_run: 291 examples.
constexpr std::string_view kLogRun = R"data(
log_run	ran 10k this morning in 52:30
log_run	just ran 5k in 24:10
log_run	did a 10k easy run today
log_run	Ran 8 miles yesterday, felt good
log_run	did 12km tempo this morning
log_run	easy 5k jog
log_run	5k easy
log_run	10k hard
log_run	ran 21.1k in 1:49
log_run	did a half marathon in 1:52:14 on sunday
log_run	finished my first marathon in 4:05:33!!
log_run	just finished 15k, legs are dead
log_run	long run done: 28km in 2:45
log_run	20 miles today, slow and steady
log_run	ran for 45 minutes
log_run	went for a 30 min jog
log_run	jogged for an hour
log_run	ran for an hour and a half
log_run	did 1h05 on the trails
log_run	ran 1.5 hours this morning
log_run	run 10km 55min
log_run	10k 48:12
log_run	logged 7.5 km in 40 mins
log_run	6 mile recovery run
log_run	recovery run 6k
log_run	4 mile shakeout
log_run	shakeout 3k before the race
log_run	did intervals: 6x800m, 9km total
log_run	track session 8x400 with 90s rest, 7k in total
log_run	threshold run 10k at 4:30/km
log_run	tempo 8k in 38 min
log_run	did a killer hill session, 12k
log_run	brutal 16k in the rain
log_run	all out 5k time trial 19:45
log_run	parkrun this morning 24:10
log_run	parkrun pb 22:31!
log_run	time trial 3k in 11:20
log_run	ran my race today, 10k in 41:05
log_run	raced a half yesterday 1:38
log_run	moderate 10k
log_run	steady 12k
log_run	steady 8 miles
log_run	10 miles at a steady pace
log_run	ran 14k at moderate effort
log_run	ran 10k, rpe 7
log_run	5k effort 4/10
log_run	rpe 8 intervals 10km
log_run	8k, felt like a 6/10
log_run	easy 45 min, rpe 3
log_run	ran 13.1 miles on saturday
log_run	ran a half marathon last weekend in 1:59
log_run	yesterday 18km long run
log_run	last night did 6k on the treadmill
log_run	this morning 5 miles
log_run	ran 7k on Saturday
log_run	on tuesday i ran 9 km
log_run	on wed did 10k
log_run	did 15km last saturday
log_run	Nov 20 ran 12k
log_run	ran 8k on 19/11
log_run	ran 10k 3 days ago
log_run	a week ago i did a 25k long run
log_run	two days ago ran 6 miles easy
log_run	did 32k on sunday in 3:05
log_run	treadmill 5k 27 minutes
log_run	5km treadmill run, 30 mins
log_run	10k on the trails, 1:10
log_run	trail run 14km 1h35
log_run	did 800m repeats 6x800 10k total
log_run	hill repeats 10x200m, 8k overall
log_run	easy recovery jog 4km
log_run	recovery 5k very easy
log_run	jog 3 miles
log_run	just jogged 4k with the dog
log_run	went running, 11km 1h
log_run	i ran 10km in 50 minutes
log_run	I ran 10 km in 50 min today
log_run	i did 5 km in 25 min
log_run	ran a 5k in 23:59
log_run	just got back from a 12k run
log_run	back from a 9 mile run
log_run	home from a 7k run, 38 mins
log_run	finished a 16km run in 1:29:40
log_run	completed 20km in 1:55
log_run	completed my long run 30k
log_run	knocked out 10k before work
log_run	smashed a 5k pb 19:59
log_run	nailed my tempo run 10k
log_run	got 8k done at lunch
log_run	banked 12 miles this morning
log_run	did 6k easy with a friend
log_run	ran 5k with my kids, easy
log_run	ran 10k hard, legs wrecked
log_run	10k tempo 45 min
log_run	8x1km @ threshold, 12k total
log_run	3x2 mile at tempo, 10 miles total
log_run	5x1 mile repeats, 11k total
log_run	fartlek 40 min
log_run	fartlek session 8k
log_run	progression run 12k
log_run	long slow run 22km
log_run	lsd 25k 2:30
log_run	easy 10k at 6:00/km
log_run	10k at 5:15/km pace, 52:30
log_run	ran 10k at 5:10 pace
log_run	5 miles at 8:30 per mile
log_run	ran 6 miles averaging 9 min/mile
log_run	half marathon pace 14k
log_run	marathon pace run 16k
log_run	race pace 5k
log_run	ran 10k race pace
log_run	did 4 miles @ race-pace
log_run	ran a 10 mile race in 1:15
log_run	hm in 1:45:12 yesterday
log_run	marathon done 3:59:59 🎉
log_run	first half done 2:10 😅
log_run	5k ✅
log_run	10k done 💪
log_run	ran 7k 🏃‍♀️ 41 min
log_run	🏃 6km easy
log_run	<@U024BE7LH> ran 10k in 55 min
log_run	<@U024BE7LH> did 5k easy this morning
log_run	/log 10k in 52:30
log_run	/log 5k easy
log_run	/log 8 miles yesterday hard
log_run	/log 45 min jog
log_run	/log half marathon 1:55 on sunday
log_run	ran 10 k in 56 mins
log_run	ran 10kms today
log_run	did 5kms
log_run	ran 3.1 miles
log_run	ran 3 miles in 27 min
log_run	ran 400m
log_run	did 1500m on the track in 5:30
log_run	did 3000 meters in 12 minutes
log_run	ran 5000m in 20:15
log_run	run 5 km at lunch
log_run	ran a mile in 7:45
log_run	ran a quick mile
log_run	ran two miles easy
log_run	ran ten k this morning
log_run	ran forty minutes easy
log_run	ran twenty five minutes
log_run	did an easy 30
log_run	did an hour easy
log_run	did 2 hours on the bike path running
log_run	2h long run
log_run	2 hours 15 minutes long run
log_run	1 hr 40 min long run
log_run	1hr run easy
log_run	90 min long run
log_run	ran 1h20 this morning
log_run	ran 55 mins
log_run	ran 6k in 34m
log_run	ran 9k in 45m30s
log_run	ran 12.5km
log_run	12,5 km run this morning
log_run	did 7.2 km
log_run	ran 4.3 miles
log_run	10k in 1:02
log_run	5k in 31:40, very easy
log_run	ran 10 km yesterday evening
log_run	ran 5k last night
log_run	ran 8k this afternoon
log_run	ran 6k this evening
log_run	early morning 10k
log_run	lunchtime 5k
log_run	sunday long run 24km
log_run	saturday parkrun 25:40
log_run	friday 8k easy
log_run	ran 8km on friday
log_run	thursday: 10k tempo
log_run	did my long run on sunday, 30k
log_run	tempo tuesday 8k
log_run	ran 18k on the weekend
log_run	ran in the rain, 10k, 58 minutes
log_run	ran 10k hungover lol
log_run	i ran 5k today it was hard
log_run	ran 5k today, it was easy
log_run	ran 11k, felt steady
log_run	ran 11k, was a moderate effort
log_run	10km run moderate
log_run	ran 14k, easy pace
log_run	ran 6 miles, RPE 5
log_run	did 9 km, effort 6
log_run	effort 9/10 on that 5k
log_run	ran 7km rpe 2
log_run	5k recovery, rpe 3/10
log_run	10 mile long run at rpe 6
log_run	ran 15km 7/10
log_run	ran 10k easy with strides
log_run	ran 12k easy + 6 strides
log_run	did 20x400m, 13k in total
log_run	ran 3x10min at threshold, 11k total
log_run	4x5 min hard with 2 min jog recovery, 9km
log_run	2x20 min tempo, 14k total, 1h10
log_run	ran intervals tonight 10k
log_run	intervals 8k
log_run	intervls 10k tonight
log_run	tempoo run 8k
log_run	threshhold 12k
log_run	eazy 5k
log_run	esay 6k jog
log_run	hrad 10k
log_run	ran a hilly 15k
log_run	did 10k of hills
log_run	did 3 laps of the park, 7.5k
log_run	did the 10k loop in 54 mins
log_run	ran to work, 9km
log_run	ran home from work 11k
log_run	commute run 8k
log_run	double day: 6k am and 8k pm
log_run	ran 5k twice today
log_run	did 26.2 miles today!!!
log_run	ran my first ultra, 50k in 5:40
log_run	ran 100k this weekend
log_run	ran 50 miles in 11 hours
log_run	back to back: 20k today
log_run	6k walk run
log_run	did a run walk 5k in 40 min
log_run	c25k week 3 done, 25 mins
log_run	couch to 5k day 2 done 30 minutes
log_run	ran 5k without stopping for the first time, 35 min
log_run	finally ran 10k in under 50 min, 49:20
log_run	went out for 35 mins easy
log_run	out for 8k this morning
log_run	did 6km
log_run	did 11km
log_run	did 21km
log_run	ran 42k
log_run	ran 16 km
log_run	ran 19k
log_run	run 7k
log_run	ran 10k on 20/11
log_run	ran a half on Nov 15 in 1:50
log_run	on 21 nov did 12k
log_run	ran 8 miles last tuesday
log_run	did 10k last thursday
log_run	ran 15k the day before yesterday
log_run	ran 5k a couple of days ago
log_run	did a long run on saturday morning 26km
log_run	ran 14 km earlier today
log_run	ran earlier, 10k 54 min
log_run	just done 8k
log_run	just did a 10k in 47 minutes
log_run	ran 10K in 47:59 😃
log_run	Ran 5 Miles In 42 Minutes
log_run	RAN 10K TODAY
log_run	10k!!! 50 mins
log_run	5k, 26:00, easy
log_run	8k / 45min / easy
log_run	12km, 1:05:00, moderate
log_run	log: 10k 50 min hard
log_run	please log 8k easy
log_run	log my run 12km 1h
log_run	add a run: 6 miles, 55 minutes
log_run	record 5k in 25 minutes
log_run	save my run: 10k tempo
log_run	track this: 7km easy jog
log_run	can you log 10k from yesterday
log_run	log 5k for yesterday
log_run	log a 12k run from saturday
log_run	put down 8k for this morning
log_run	this morning's run was 9k, took me 50 mins
log_run	yesterday's long run was 24k
log_run	the loop took me 1h10, about 12k
log_run	took me 58 minutes to do 10k today
log_run	my run today was 7 miles
log_run	todays run: 8k in 44 min
log_run	last night's run was 6k easy
log_run	sunday long run was 28 km in 2:40
log_run	windy 10k along the coast
log_run	muddy 12k on the trails
log_run	lovely 8k in the sunshine
log_run	sweaty 6k on the treadmill
log_run	cold 5 miles before sunrise
log_run	wet and miserable 15k
log_run	hilly 9 miles, 1h20
log_run	slow 20k with the club
log_run	tough 10k, legs heavy
log_run	quick 5k at lunch, 22 min
log_run	solid 16k
log_run	decent 14k this morning
log_run	great 10k, felt strong
log_run	awful 6k, stitch the whole way
log_run	nice easy 7k
log_run	rainy 11k, 1:02:00
log_run	dark 8k with a headtorch
log_run	icy 6k, careful footing
log_run	sunny half marathon, 1:51
log_run	steady 18k along the river
)data";

// set_race: 231 examples.
constexpr std::string_view kSetRace = R"data(
set_race	my half is on 14 Dec
set_race	my half marathon is on December 14
set_race	signed up for the Berlin marathon on Sept 27
set_race	i've entered a 10k on Dec 5
set_race	I have a race on Sunday
set_race	race on saturday!
set_race	my marathon is on 2026-12-14
set_race	my next race is 14/12
set_race	got a 5k race next sunday
set_race	I'm running the London marathon in April, April 26
set_race	registered for a half in 3 weeks
set_race	my race is in 3 weeks
set_race	race in two weeks
set_race	my 10k race is in 10 days
set_race	the marathon is in 6 weeks
set_race	i have a 5k on the 12th
set_race	racing a 10k on 6 dec
set_race	entered the valencia marathon, dec 6
set_race	just signed up for a half marathon on 17 January
set_race	signed up for my first 10k, it's on Jan 10
set_race	I booked my place in the Paris half on March 8
set_race	my goal race is the Chicago marathon on Oct 11
set_race	target race: half marathon 2027-03-21
set_race	race day is 13/12
set_race	race date: 20/12
set_race	race on dec 20
set_race	upcoming race 10k on december 13
set_race	i'm doing a trail race on sunday
set_race	running a 50k ultra on Jan 31
set_race	doing the Brighton marathon on 12 April
set_race	my half got moved from Dec 14 to Dec 21
set_race	race moved from saturday to sunday
set_race	the 10k was postponed to 10 January
set_race	my marathon has been rescheduled to 3 May
set_race	they changed the race date to 28 Feb
set_race	race is now on the 20th
set_race	my race is now on Dec 13 not Dec 6
set_race	half marathon pushed back to Feb 1
set_race	cancel my race on Dec 14
set_race	i'm not doing the Dec 14 race anymore, cancel it
set_race	cancelled my half on 17 jan
set_race	the race on 20/12 is cancelled
set_race	withdraw me from the 10k on dec 6
set_race	scrap the marathon on 12 april
set_race	i pulled out of the half on 14 dec
set_race	race cancelled, it was on 13 dec
set_race	remove my race on sunday
set_race	delete my 5k race on the 5th
set_race	set race: marathon 2027-04-25
set_race	set my race date to 14 Dec
set_race	add race 10k 6/12
set_race	add a race: half, 21 March
set_race	new race: 5k next saturday
set_race	race: Dec 14 half
set_race	/race half marathon 14 Dec
set_race	/race 10k on 6/12
set_race	/race marathon april 25
set_race	/race cancel 14/12
set_race	<@U024BE7LH> my race is on 14 Dec
set_race	<@U024BE7LH> signed up for a 10k next sunday
set_race	racing next weekend 🏃
set_race	half marathon on the 20th 😬
set_race	marathon in 5 weeks 😱
set_race	10k race this saturday
set_race	5k race tomorrow
set_race	race tomorrow!
set_race	my race is tomorrow
set_race	i race on sunday
set_race	i'm racing on saturday
set_race	racing a half in a month
set_race	i have a half in 2 months
set_race	the big day is 14 december
set_race	my A race is the Seville marathon in February, on Feb 22
set_race	i'm doing the NYC marathon on Nov 1 next year
set_race	entered the Great North Run on 13 September
set_race	registered for the Berlin half on 5 April
set_race	i'm signed up for a 10 miler on jan 3
set_race	i entered a 15k on 31/01
set_race	ran the registration for a half on 7 march
set_race	just registered for a 10k on Dec 20
set_race	finally signed up for a marathon, april 19
set_race	booked a half marathon for 8 feb
set_race	i've got a parkrun event next saturday to race
set_race	got a race coming up on the 13th
set_race	i have a race coming up in 4 weeks
set_race	my next half marathon is on 1 march
set_race	my first marathon is on 2027-05-02
set_race	marathon date: 26/04/2027
set_race	half marathon date 14/12/2026
set_race	race on 14.12? no, 14/12
set_race	can you remember my race on 14 Dec
set_race	please save my race, 10k on 6 December
set_race	remember that my half is on 21/03
set_race	note my race: marathon, april 26
set_race	put my marathon in: october 4
set_race	save race date 20 dec
set_race	update my race to 21 Dec
set_race	change my race date to jan 10
set_race	my race changed to the 17th
set_race	the half is on 14 dec, not 7 dec
set_race	wrong date, the race is on 21 Dec
set_race	actually my race is on Dec 13
set_race	oops my marathon is on the 26th of april
set_race	my race is the 14th of december
set_race	race is the twentieth of december, 20 dec
set_race	my 10 k is on 5 dec
set_race	the 5 km race is on 12 dec
set_race	the 10 mile race is on 3 jan
set_race	my half ironman run leg is on 14 feb
set_race	the virtual 10k is on sunday
set_race	i'm running a half in Valencia on Dec 6
set_race	i'm running the Manchester marathon on April 19
set_race	running a marathon next april, on the 25th
set_race	doing my first half next month on Dec 20
set_race	doing a 10k next sunday
set_race	doing a 5k this sunday
set_race	doing parkrun race next saturday
set_race	racing 5k in 12 days
set_race	the race is in 9 days
set_race	my marathon is 8 weeks away
set_race	half in 3 weeks time
set_race	race in a fortnight
set_race	10k race in a fortnight
set_race	my race is on the 5th of december
set_race	race dec 6
set_race	race jan 17
set_race	half 14/12
set_race	marathon 25/4
set_race	10k 6/12
set_race	5k race 13 dec
set_race	half marathon 21st march
set_race	marathon on the 26th april
set_race	trail race 30k on 14 feb
set_race	ultra 80k on 1 may
set_race	signed up for spartan race on 12 december
set_race	entered a cross country race on saturday
set_race	i've got a cross country race next saturday
set_race	xc race on sunday
set_race	club champs 10k on dec 13
set_race	race this weekend
set_race	race next weekend
set_race	half marathon next weekend
set_race	my taper starts now, race is 14 dec
set_race	race week! half on sunday
set_race	it's race week, marathon on saturday
set_race	countdown: marathon on 25 april
set_race	register my marathon 2027-04-25
set_race	my race is the Berlin marathon
set_race	signed up for the London half
set_race	i'm doing the Valencia marathon
set_race	entered a 10k
set_race	i signed up for a marathon
set_race	my next race is a half
set_race	the marathon I entered is on Sept 27
set_race	i just entered the Rotterdam marathon on april 12
set_race	the Boston marathon is on april 20 and i'm in
set_race	got into the London marathon, april 26!
set_race	accepted into Berlin, race on 27/09
set_race	got a place in the Berlin marathon in september, the 27th
set_race	i won a ballot spot for london, april 26
set_race	my race got cancelled, the one on 14 dec
set_race	the half on dec 14 has been called off
set_race	organisers cancelled the 10k on 6/12
set_race	race on 20 dec cancelled due to weather
set_race	moving my race from 6 dec to 13 dec
set_race	switching from the dec 6 race to the one on dec 20
set_race	race is on 14 Dec in Berlin
set_race	race 14 Dec 2026
set_race	Dec 14th half
set_race	december 14 race
set_race	14th dec race
set_race	my race: 14 dec, 21.1 km
set_race	race: 10 km, 6 december
set_race	race: 42.2km on 25 april
set_race	the 10k is this sunday
set_race	my 5k is this saturday
set_race	half on saturday
set_race	marathon on sunday
set_race	a 10 mile race on sunday
set_race	i'm racing sunday
set_race	racing next sunday
set_race	race on tues
set_race	race on wednesday evening
set_race	track race on thursday, 5000m
set_race	1500m race on friday
set_race	3000m race next tuesday
set_race	mile race on saturday
set_race	i've got a half marathon on 14 december
set_race	there's a 10k on december 6 that i'm doing
set_race	i entered the city 10k on 13 dec
set_race	i'm down for the county half on 22 feb
set_race	the club 5k is on 19 december and i'm in
set_race	i'll be racing a 10k on the 20th of december
set_race	i'll be running the Tokyo marathon on March 7
set_race	my spring marathon is 2027-04-18
set_race	big race on 25 april, a marathon
set_race	my goal half is on 28 march
set_race	i've signed up to a 10 mile race on 17 jan
set_race	signed up to run the Berlin half in April, the 5th
set_race	my race is the 13th of december
set_race	my race is this coming sunday
set_race	race coming up next saturday
set_race	10k race next tuesday evening
set_race	i'm racing in 2 weeks
set_race	race in 5 days
set_race	half marathon in 4 weeks
set_race	marathon in 16 weeks
set_race	my ultra is 12 weeks away
set_race	i have a 5k in ten days
set_race	the big race is in a month
set_race	race is 3 weeks from now
set_race	i'm doing a race on new year's day, jan 1
set_race	new year's day 5k on 1/1
set_race	boxing day 10k on 26/12
set_race	christmas day parkrun race on 25 dec
set_race	turkey trot on thursday
set_race	my race was moved to the 20th of december
set_race	they moved my race to 27 dec
set_race	the race date changed from 6 dec to 13 dec
set_race	organisers moved the half to 1 feb
set_race	rescheduled race now on 10 jan
set_race	my 10k is now on 2026-12-20
set_race	update: race is on 21 dec
set_race	correction: my half is on 15 dec
set_race	not the 14th, my race is on the 15th
set_race	i'm withdrawing from the 10k on dec 6
set_race	i've pulled out of the race on 13/12
set_race	i won't be running the half on dec 14, cancel it
set_race	cancel the marathon on april 26
set_race	drop my race on 20 dec
set_race	remove the 10k on 6/12
)data";

// book_massage: 240 examples.
constexpr std::string_view kBookMassage = R"data(
book_massage	book a massage
book_massage	i want to book a massage
book_massage	I'd like to book a sports massage
book_massage	can i book a deep tissue massage
book_massage	book me a massage please
book_massage	book me in for a massage
book_massage	i need a massage, can you book one?
book_massage	can you book me a sports massage for tomorrow
book_massage	i want a massage this week
book_massage	i need a massage asap
book_massage	how do i book a massage
book_massage	where can i book a massage
book_massage	how can I book a deep tissue session
book_massage	where do i book
book_massage	how do i make an appointment
book_massage	can I make an appointment for a massage
book_massage	i'd like an appointment
book_massage	i'd like to schedule a massage
book_massage	schedule a sports massage
book_massage	schedule me a deep tissue massage on friday
book_massage	please schedule a massage for saturday
book_massage	reserve a massage slot
book_massage	reserve a session for me
book_massage	i want to reserve a deep tissue massage
book_massage	get me a massage appointment
book_massage	find me a massage slot
book_massage	any massage slots available?
book_massage	any availability this week?
book_massage	what slots do you have for a massage
book_massage	when is the next available massage
book_massage	do you have anything free tomorrow
book_massage	is there a slot on friday for a sports massage
book_massage	can i get a massage today
book_massage	can i get in for a massage tomorrow morning
book_massage	i want to come in for a massage
book_massage	book
book_massage	book now
book_massage	booking please
book_massage	booking
book_massage	i want to book
book_massage	let's book
book_massage	book a session
book_massage	book a 60 minute deep tissue
book_massage	book a 30 min sports massage
book_massage	book me a 90 minute massage
book_massage	i'd like to book a 45 min session
book_massage	book massage after my race
book_massage	book a massage for the day after my marathon
book_massage	book a post race massage
book_massage	can i book a massage for after my half
book_massage	book a massage for monday
book_massage	massage on thursday please
book_massage	i'll take a massage on saturday at 10
book_massage	can i have a massage at 6pm
book_massage	is 5pm free?
book_massage	how much is a massage and can i book
book_massage	price of a sports massage? want to book one
book_massage	what's the booking link
book_massage	send me the booking link
book_massage	give me the link to book
book_massage	where's the link to book a massage
book_massage	booking url please
book_massage	how do I book online
book_massage	can i book through here
book_massage	can i book through telegram
book_massage	yes book it
book_massage	yes please book me in
book_massage	go ahead and book
book_massage	ok book me a massage
book_massage	sure, let's book a massage
book_massage	book it for tomorrow
book_massage	i booked a massage for friday
book_massage	i've booked a massage
book_massage	just booked a deep tissue massage for thursday
book_massage	booked a sports massage for saturday morning
book_massage	i have a massage booked for monday
book_massage	got a massage booked on the 27th
book_massage	i booked my massage for next week
book_massage	massage booked ✅
book_massage	booked!
book_massage	done, booked for tomorrow
book_massage	i made an appointment for a massage
book_massage	i've scheduled a massage for wednesday
book_massage	appointment made for friday
book_massage	i have an appointment with my massage therapist on tuesday
book_massage	i need to reschedule my massage
book_massage	can i move my massage to next week
book_massage	reschedule my massage to friday
book_massage	change my massage appointment to saturday
book_massage	move my appointment to monday
book_massage	can I push my massage back a day
book_massage	i can't make my massage, need a new time
book_massage	cancel my massage appointment
book_massage	cancel my massage
book_massage	i need to cancel my booking
book_massage	cancel my booking for friday
book_massage	can i cancel the massage on thursday
book_massage	my calves are killing me, book me a massage
book_massage	legs are wrecked, need a massage asap, book me in
book_massage	my hamstrings are so tight, i need to book a massage
book_massage	tight calves, can i book a deep tissue massage this week?
book_massage	sore quads after the marathon, book me a sports massage
book_massage	my IT band is killing me, can you book me in
book_massage	i have a knot in my shoulder, book a massage
book_massage	my back hurts from running, i want to book a massage
book_massage	sore everywhere, book me in please
book_massage	my legs feel like bricks, need a massage booked
book_massage	i'm so sore, get me a massage
book_massage	need a massage for my tight calves
book_massage	need a deep tissue massage for my hamstrings
book_massage	i think i need a massage, book one
book_massage	i really need a massage after this week
book_massage	treat myself to a massage, book it
book_massage	i deserve a massage, book me in
book_massage	time for a massage, book it
book_massage	it's massage time
book_massage	yes i want a massage
book_massage	i want a sports massage
book_massage	i want a deep tissue massage
book_massage	sports massage please
book_massage	deep tissue please
book_massage	a massage please
book_massage	massage please
book_massage	massage pls
book_massage	massage asap
book_massage	massage tomorrow?
book_massage	massage friday?
book_massage	massage this weekend?
book_massage	<@U024BE7LH> book a massage
book_massage	<@U024BE7LH> i need a massage
book_massage	/book
book_massage	/book tomorrow
book_massage	/book sports massage friday
book_massage	/book deep tissue
book_massage	/book 60 min
book_massage	bok a massage
book_massage	book a masage
book_massage	book a massge please
book_massage	i wnat to book a massage
book_massage	can u book me a massage
book_massage	cn i book massage
book_massage	bookin a massage
book_massage	book a massage 💆
book_massage	💆‍♂️ book me in
book_massage	need a rubdown 💆
book_massage	book a rubdown
book_massage	i need a rubdown
book_massage	can i get a rubdown this week
book_massage	who does the massage and how do i book
book_massage	which therapist is free this week
book_massage	can i book with the same therapist as last time
book_massage	book me with the same person again
book_massage	do you have a female therapist available
book_massage	can i book a couples massage
book_massage	can i book for my partner too
book_massage	can i book two sessions
book_massage	book a massage every two weeks
book_massage	set up a recurring massage
book_massage	i'd like a regular monthly massage slot
book_massage	where are you located? i want to book
book_massage	what's your address, i'd like to book
book_massage	are you open on sundays for a massage
book_massage	what are your opening hours for bookings
book_massage	can i book a massage on the weekend
book_massage	is there parking? i'm booking for friday
book_massage	i'll book after my race
book_massage	remind me to book? no, just book now
book_massage	yeah go on then, book a massage
book_massage	alright book me in for thursday
book_massage	fine, book it
book_massage	ok let's do a massage
book_massage	i'm in, book me
book_massage	book the earliest slot
book_massage	book the first available appointment
book_massage	earliest massage you have?
book_massage	next available slot please
book_massage	book me for tomorrow at 9
book_massage	book me in on friday at 5:30pm
book_massage	can i book for 7pm tonight
book_massage	i'd like to come in on 27 nov
book_massage	book a massage on the 28th
book_massage	book a sports massage for 1 december
book_massage	book me a massage for after my long run on sunday
book_massage	i ran 30k yesterday and need a massage, book me in
book_massage	did a hard race, want to book a massage
book_massage	after my marathon i want to book a massage, can you do monday
book_massage	could i book a massage for next week
book_massage	could you book me in for friday afternoon
book_massage	i'd like to get a massage booked
book_massage	i'd love a massage this week, can you sort it
book_massage	please get me a deep tissue booked
book_massage	let's get a massage in the diary
book_massage	put me down for a sports massage
book_massage	pencil me in for a massage on thursday
book_massage	sign me up for a massage
book_massage	can you squeeze me in tomorrow
book_massage	can i come in today
book_massage	do you have any openings this week
book_massage	any openings tomorrow?
book_massage	any free slots on saturday?
book_massage	what times are free on friday
book_massage	is thursday afternoon available
book_massage	can i have the 6pm slot
book_massage	i'll take the 10am slot
book_massage	book the 9am please
book_massage	i want to book a massage for my calves
book_massage	i want to book something for my sore legs
book_massage	my legs are trashed, i need to get booked in
book_massage	my calves are in bits, i need a massage, can i book
book_massage	need a massage, my back is killing me after the half
book_massage	hips are tight after the marathon, book me in please
book_massage	sore hamstrings, book me a deep tissue
book_massage	i want to get my legs worked on, book me in
book_massage	i'd like to book a recovery massage
book_massage	book a recovery massage after my race on sunday
book_massage	book me a pre race massage for friday
book_massage	need a flush massage before the race, can i book
book_massage	book a 45 minute session
book_massage	book a one hour session
book_massage	book an hour long deep tissue
book_massage	i'd like a 90 min session
book_massage	i have booked a massage for thursday at 6
book_massage	i've got a massage on friday
book_massage	booked in for saturday
book_massage	all booked for tuesday
book_massage	made a booking for sunday
book_massage	i reserved a massage for monday
book_massage	i went ahead and booked a massage
book_massage	booked a massage after your reminder
book_massage	i already have a massage booked for friday
book_massage	my massage is booked for the 2nd
book_massage	rebook my massage
book_massage	move my massage to the afternoon
book_massage	can i switch my massage to thursday
book_massage	my massage needs to move to next week
book_massage	postpone my massage
book_massage	push my massage to next week
book_massage	i need a different time for my massage
book_massage	cancel friday's massage
book_massage	cancel my appointment please
)data";

// run_stats: 217 examples.
constexpr std::string_view kRunStats = R"data(
run_stats	how far have i run this week
run_stats	how many km did i run this week
run_stats	how many kilometres this week
run_stats	what's my weekly mileage
run_stats	weekly total?
run_stats	how much have i run this month
run_stats	how many miles this month
run_stats	monthly distance please
run_stats	total distance this year
run_stats	how far have i run in total
run_stats	what's my total distance
run_stats	show my stats
run_stats	my stats
run_stats	stats
run_stats	stats please
run_stats	show me my running stats
run_stats	give me my stats for this week
run_stats	what's my last run
run_stats	show my last run
run_stats	when was my last run
run_stats	what did i run yesterday
run_stats	how far did i run on sunday
run_stats	what was my longest run
run_stats	longest run this month?
run_stats	what's my longest run ever
run_stats	biggest week so far?
run_stats	how many runs have i logged
run_stats	how many runs this week
run_stats	number of runs this month
run_stats	list my runs
run_stats	show all my runs
run_stats	list runs from this week
run_stats	show my runs from last week
run_stats	what runs did i do last week
run_stats	show me my last 5 runs
run_stats	show my recent runs
run_stats	my run history
run_stats	run history please
run_stats	show my running log
run_stats	show my training log
run_stats	what's in my log
run_stats	what have i logged so far
run_stats	did i log my run yesterday?
run_stats	did my run from saturday get saved?
run_stats	is my 10k from yesterday logged?
run_stats	how fast was my last 10k
run_stats	what's my average pace
run_stats	average pace this week?
run_stats	what's my pace trend
run_stats	is my pace improving
run_stats	am i getting faster
run_stats	how has my pace changed this month
run_stats	pace trend over the last month
run_stats	show my pace over time
run_stats	what's my fastest 5k
run_stats	what's my best 10k time
run_stats	my pb for 5k?
run_stats	what is my personal best
run_stats	how much did i run last week compared to this week
run_stats	this week vs last week
run_stats	am i running more than last month
run_stats	how many hard runs this week
run_stats	how many easy runs did i do
run_stats	how many hours have i run this week
run_stats	total time running this month
run_stats	how long did i run this week
run_stats	how much time on my feet this week
run_stats	what's my average distance per run
run_stats	average run length
run_stats	how many km in november
run_stats	how many miles in october
run_stats	distance in the last 7 days
run_stats	last 30 days total
run_stats	km in the last 4 weeks
run_stats	what's my streak
run_stats	how many days in a row have i run
run_stats	when did i last run hard
run_stats	when was my last hard session
run_stats	when was my last long run
run_stats	how long since my last run
run_stats	summary of my week
run_stats	weekly summary
run_stats	monthly summary
run_stats	give me a summary of my training
run_stats	recap my week
run_stats	how's my training going
run_stats	how am i doing this month
run_stats	am i on track this week
run_stats	report for this week
run_stats	/stats
run_stats	/stats week
run_stats	/stats month
run_stats	/export
run_stats	/export csv
run_stats	export my runs
run_stats	export my data
run_stats	download my runs
run_stats	can i export my runs as csv
run_stats	send me a csv of my runs
run_stats	export runs to json
run_stats	i want a copy of my run log
run_stats	<@U024BE7LH> how far this week?
run_stats	<@U024BE7LH> stats
run_stats	weekly km? 📊
run_stats	stats 📈
run_stats	my numbers please
run_stats	show me the numbers
run_stats	how many kms this wk
run_stats	hw far did i run this week
run_stats	whats my weekley total
run_stats	totl distance this month
run_stats	how much did i runn this month
run_stats	show my stast
run_stats	show my runs pls
run_stats	how far have i gone since monday
run_stats	distance since the 1st
run_stats	total since i started using the bot
run_stats	how many runs have i logged in total
run_stats	how many marathons have i logged
run_stats	what did i do on tuesday
run_stats	what did i run last saturday
run_stats	what was my run on the 20th
run_stats	show my run from nov 20
run_stats	how long was my run yesterday
run_stats	how long was sunday's long run
run_stats	what was my time for the parkrun
run_stats	how long did my last run take
run_stats	what pace was my last run
run_stats	what was my effort on the last run
run_stats	which run was my hardest this month
run_stats	show my hardest sessions
run_stats	list my tempo runs
run_stats	show only my long runs
run_stats	show easy runs this week
run_stats	how much of my running was easy
run_stats	ratio of easy to hard
run_stats	what percentage of my runs are easy
run_stats	how many km have i done on trails
run_stats	what's my total for 2026
run_stats	yearly total please
run_stats	how far this year
run_stats	how many km so far this year
run_stats	did i hit 100k this month
run_stats	did i reach my weekly goal
run_stats	am i over 50km this week
run_stats	have i run more than 30 miles this week
run_stats	how close am i to 1000 km this year
run_stats	how much more to reach 200k this month
run_stats	what's my mileage been like lately
run_stats	mileage last 3 weeks
run_stats	show weekly mileage chart
run_stats	graph my runs
run_stats	chart of my distance
run_stats	can you show my progress
run_stats	show my progress this month
run_stats	progress report
run_stats	how much have i improved
run_stats	how consistent have i been
run_stats	how many rest days this week
run_stats	how many days did i run this week
run_stats	undo my last run
run_stats	delete my last run
run_stats	remove the run i logged yesterday
run_stats	that run was wrong, delete it
run_stats	/undo
run_stats	oops undo that
run_stats	scrap the last entry
run_stats	how much did i run last week
run_stats	what's my mileage for the week so far
run_stats	kms so far this week?
run_stats	how many km this week so far
run_stats	what have i done this week
run_stats	what did i do last week
run_stats	tell me my total for the month
run_stats	distance for november please
run_stats	how many miles have i logged
run_stats	how many hours did i run last month
run_stats	what was my biggest week this year
run_stats	my best week ever?
run_stats	what's my weekly average
run_stats	average weekly distance over the last month
run_stats	how many runs did i do in october
run_stats	when did i last log a run
run_stats	last logged run?
run_stats	what did i log yesterday
run_stats	show me yesterday's run
run_stats	show me last sunday's run
run_stats	did you save my last run
run_stats	what's my longest run this year
run_stats	what's the furthest i've run
run_stats	farthest run?
run_stats	what's my quickest 10k
run_stats	my fastest pace this month
run_stats	slowest run this week
run_stats	am i running more or less than usual
run_stats	is my mileage going up
run_stats	trend of my weekly km
run_stats	how is my training load
run_stats	training load this week
run_stats	show me a breakdown of this week
run_stats	breakdown by effort
run_stats	how many tempo runs this month
run_stats	count my long runs
run_stats	how many parkruns have i done
run_stats	list everything i ran in november
run_stats	list this month's runs
run_stats	all my runs please
run_stats	my log
run_stats	my runs
run_stats	runs this week
run_stats	this week's runs
run_stats	last week's runs
run_stats	km this week
run_stats	miles this week
run_stats	total km
run_stats	total miles
run_stats	total runs
)data";

// reminders: 223 examples.
constexpr std::string_view kReminders = R"data(
reminders	stop reminding me
reminders	stop the reminders
reminders	stop sending me reminders
reminders	stop the nudges
reminders	no more reminders
reminders	no more nudges please
reminders	don't remind me anymore
reminders	dont remind me
reminders	please stop the notifications
reminders	turn off reminders
reminders	turn off notifications
reminders	disable reminders
reminders	disable nudges
reminders	unsubscribe
reminders	unsubscribe me from reminders
reminders	opt out of reminders
reminders	i don't want reminders
reminders	i don't want any more messages about booking
reminders	quit nagging me
reminders	stop nagging me about massages
reminders	stop bugging me
reminders	enough with the reminders
reminders	too many reminders
reminders	you send too many messages
reminders	fewer reminders please
reminders	less reminders
reminders	can you remind me less often
reminders	only remind me once a week
reminders	pause reminders
reminders	pause the nudges
reminders	pause reminders for a week
reminders	pause notifications for 2 weeks
reminders	pause until next month
reminders	pause reminders until december
reminders	mute reminders for 3 days
reminders	mute for a week
reminders	mute the bot
reminders	silence reminders
reminders	hold the reminders while i'm on holiday
reminders	i'm on holiday, no reminders for 2 weeks
reminders	i'm injured, pause the nudges
reminders	resume reminders
reminders	resume the nudges
reminders	turn reminders back on
reminders	turn notifications back on
reminders	start reminding me again
reminders	you can remind me again
reminders	enable reminders
reminders	re-enable nudges
reminders	unpause reminders
reminders	unmute
reminders	i want reminders again
reminders	restart the reminders
reminders	snooze
reminders	snooze this
reminders	snooze for an hour
reminders	snooze 2 hours
reminders	snooze until tomorrow
reminders	snooze till monday
reminders	snooze for 3 days
reminders	remind me later
reminders	remind me tomorrow
reminders	remind me later tonight
reminders	remind me in an hour
reminders	remind me in 2 days
reminders	remind me next week
reminders	remind me again on friday
reminders	ask me again later
reminders	not now, remind me later
reminders	not now
reminders	later
reminders	maybe later
reminders	ask me tomorrow
reminders	ping me tomorrow about it
reminders	ping me later
reminders	nudge me later
reminders	nudge me on monday
reminders	quiet hours 10pm to 7am
reminders	set quiet hours from 22:00 to 07:00
reminders	no messages after 9pm
reminders	don't message me before 8am
reminders	don't send anything at night
reminders	no notifications on weekends
reminders	don't remind me on sundays
reminders	only remind me in the mornings
reminders	remind me in the evening instead
reminders	send reminders at 6pm
reminders	change my reminder time to 7am
reminders	what time do reminders come
reminders	when will you remind me next
reminders	what reminders do i have
reminders	show my reminders
reminders	list my nudges
reminders	what nudges are pending
reminders	do i have any reminders set
reminders	how often do you send reminders
reminders	why did you remind me
reminders	why are you sending me this
reminders	i didn't ask for reminders
reminders	leave me alone
reminders	stop messaging me
reminders	stop texting me
reminders	shut up bot
reminders	go away
reminders	stfu with the reminders
reminders	ugh stop
reminders	STOP
reminders	/stop
reminders	/pause
reminders	/resume
reminders	/snooze
reminders	/reminders
reminders	/stop reminders
reminders	/pause 1 week
reminders	/snooze 1 day
reminders	<@U024BE7LH> stop reminding me
reminders	<@U024BE7LH> pause reminders
reminders	🔕
reminders	🔕 please
reminders	no more pings 🙏
reminders	stop remindin me
reminders	stp the reminders
reminders	dont remnd me again
reminders	paus reminders
reminders	snoze
reminders	remid me later
reminders	turn of reminders
reminders	stop reminders for now
reminders	stop reminders till after my race
reminders	no reminders until my race is done
reminders	pause until after the marathon
reminders	hold off on reminders this week
reminders	skip this reminder
reminders	skip this week's reminder
reminders	dismiss
reminders	dismiss this nudge
reminders	ignore this reminder
reminders	i'll book later, remind me friday
reminders	not this week, remind me next week
reminders	i already booked, stop reminding me
reminders	already booked, no need to remind
reminders	you can stop reminding me i've booked
reminders	no thanks, don't remind me
reminders	don't remind me to book
reminders	don't remind me about massages
reminders	stop reminding me to book massages
reminders	stop the massage reminders
reminders	stop booking reminders
reminders	i don't need massage reminders
reminders	can you stop the nudges after hard runs
reminders	don't nudge me after every run
reminders	only nudge me after races
reminders	remind me after long runs only
reminders	turn on reminders after hard sessions
reminders	set a reminder to book after my race
reminders	remind me to book a massage after my marathon
reminders	remind me to book a massage on friday
reminders	remind me to get a massage next week
reminders	nudge me to book a massage after hard runs
reminders	remind me to book in 3 days
reminders	set quiet hours
reminders	change quiet hours
reminders	turn off quiet hours
reminders	quiet mode
reminders	do not disturb
reminders	dnd until 8am
reminders	do not disturb on weekends
reminders	i'm travelling, pause everything
reminders	pause everything for a month
reminders	stop all messages
reminders	stop everything
reminders	please don't send me reminders
reminders	no more booking reminders please
reminders	i'd rather not get reminders
reminders	can you stop the massage nudges
reminders	i've had enough reminders
reminders	you remind me way too much
reminders	reminders off
reminders	nudges off
reminders	notifications off
reminders	reminders on
reminders	nudges on
reminders	turn the nudges back on
reminders	turn nudges off for now
reminders	pause for now
reminders	pause please
reminders	hold on reminders for a bit
reminders	give me a break from reminders
reminders	take a break from the nudges
reminders	no reminders this week please
reminders	skip reminders until monday
reminders	silence until next week
reminders	quiet please
reminders	quiet until tomorrow
reminders	keep quiet at night
reminders	don't ping me on weekends
reminders	don't ping me before 9
reminders	only message me after work
reminders	no messages during work hours
reminders	send me reminders in the morning only
reminders	can i get reminders on sundays instead
reminders	remind me in a few days
reminders	remind me next month
reminders	remind me after my race
reminders	remind me at the weekend
reminders	remind me this evening
reminders	try me again tomorrow
reminders	check back with me later
reminders	not today, maybe tomorrow
reminders	not right now thanks
reminders	later please
reminders	later thanks
reminders	snooze it
reminders	snooze please
reminders	snooze a week
reminders	snooze 3 hours
reminders	snooze for 1 day
reminders	snooze until next week
reminders	unsnooze
reminders	cancel the snooze
reminders	resume please
reminders	back on please
reminders	i want the nudges back
)data";

// greeting: 194 examples.
constexpr std::string_view kGreeting = R"data(
greeting	hi
greeting	hello
greeting	hey
greeting	hey there
greeting	hi there
greeting	hello there
greeting	hiya
greeting	heya
greeting	yo
greeting	howdy
greeting	good morning
greeting	good afternoon
greeting	good evening
greeting	morning
greeting	morning!
greeting	evening
greeting	gm
greeting	hi bot
greeting	hello bot
greeting	hey rubdown
greeting	hi rubdown
greeting	hello rubdown!
greeting	hey bot!
greeting	hi!!
greeting	hello!
greeting	hey!
greeting	hii
greeting	hiii
greeting	heyy
greeting	heyyy
greeting	helo
greeting	hallo
greeting	hola
greeting	ola
greeting	oi
greeting	sup
greeting	whats up
greeting	what's up
greeting	wassup
greeting	hey whats up
greeting	yo bot
greeting	hi friend
greeting	hey buddy
greeting	hey mate
greeting	hi again
greeting	hello again
greeting	hey, it's me
greeting	it's me again
greeting	hi everyone
greeting	hello all
greeting	hey team
greeting	morning all
greeting	good morning everyone
greeting	good morning team
greeting	hey folks
greeting	greetings
greeting	g'day
greeting	hi how are you
greeting	hey how are you doing
greeting	hello how are you today
greeting	how are you
greeting	how's it going
greeting	how you doing
greeting	hey how's it going
greeting	good morning! how are you?
greeting	👋
greeting	hi 👋
greeting	hello 👋
greeting	hey 😊
greeting	morning ☀️
greeting	good morning 🌞
greeting	hi 🙂
greeting	yo 🤙
greeting	<@U024BE7LH> hi
greeting	<@U024BE7LH> hello
greeting	<@U024BE7LH> hey there
greeting	<@U024BE7LH>
greeting	/start
greeting	/start hello
greeting	hey hey
greeting	hello hello
greeting	hi hi
greeting	hey you
greeting	oh hi
greeting	well hello
greeting	hello friend
greeting	hi coach
greeting	hey coach
greeting	hello coach
greeting	hi there bot
greeting	morning bot
greeting	evening bot
greeting	good afternoon bot
greeting	nice to meet you
greeting	pleased to meet you
greeting	hi nice to meet you
greeting	hello, i'm new here
greeting	hi i'm new
greeting	hey, new here
greeting	just joined, hi
greeting	first time here, hello
greeting	hi its sarah
greeting	hi i'm tom
greeting	hey, anna here
greeting	hello from london
greeting	hi from berlin
greeting	hey from the club
greeting	good morning from a rainy manchester
greeting	happy monday
greeting	happy friday!
greeting	happy sunday
greeting	hi happy new year
greeting	merry christmas
greeting	hey there 👋🏃
greeting	hellooo
greeting	heloo
greeting	helloooo
greeting	hiiii there
greeting	heyo
greeting	heya bot
greeting	hey ya
greeting	hi ya
greeting	mornin
greeting	good mornin
greeting	gud morning
greeting	goood morning
greeting	evenin
greeting	afternoon
greeting	top of the morning
greeting	yo yo
greeting	sup bot
greeting	hey you there?
greeting	are you there?
greeting	anyone there?
greeting	hello? anyone home?
greeting	you awake?
greeting	hello world
greeting	hey there friend
greeting	hi hi hi
greeting	well hello there
greeting	hello hello hello
greeting	ello
greeting	'sup
greeting	hey y'all
greeting	hi all
greeting	hello everybody
greeting	good day
greeting	good day to you
greeting	morning morning
greeting	morning rubdown
greeting	morning coach
greeting	hey good morning
greeting	hi good morning
greeting	hello good evening
greeting	hey good evening
greeting	hey good afternoon
greeting	a very good morning to you
greeting	top o' the morning
greeting	how are things
greeting	how's things
greeting	how are you today
greeting	how are you doing today
greeting	how's your day going
greeting	hope you're well
greeting	hi hope you're well
greeting	hello, hope all is good
greeting	hey, long time no see
greeting	i'm back
greeting	back again
greeting	hi, i'm back
greeting	hey it's been a while
greeting	oh hey
greeting	ah hello
greeting	hey hey hey
greeting	heyyyy
greeting	hiiiiii
greeting	yoo
greeting	yooo
greeting	hey 👋🏻
greeting	👋👋
greeting	🙋‍♀️
greeting	🙋 hi
greeting	hello 😀
greeting	hi there 😄
greeting	hey there 🙌
greeting	good morning ☕
greeting	hey friend 👋
greeting	hi, pleased to meet you
greeting	hello, lovely to meet you
greeting	hey, good to see you
greeting	hi there, how's your day
greeting	hello from sunny spain
greeting	greetings from the track
greeting	hi from a runner in paris
)data";

// help: 216 examples.
constexpr std::string_view kHelp = R"data(
help	help
help	help me
help	help please
help	i need help
help	/help
help	what can you do
help	what can you do?
help	what do you do
help	what are you
help	who are you
help	what is this bot
help	what is this
help	what's this bot for
help	what is rubdown
help	how does this work
help	how does this bot work
help	how do i use this
help	how do i use you
help	how do i use this bot
help	how should i use this
help	what can i ask you
help	what can i say
help	what commands are there
help	list of commands
help	show commands
help	commands
help	what are the commands
help	which commands do you understand
help	menu
help	options
help	show me the menu
help	what are my options
help	features
help	what features do you have
help	what can this bot help me with
help	can you help me
help	how can you help me
help	how can you help
help	what do you help with
help	what are you good for
help	what can i do here
help	what can i do with you
help	how do i log a run
help	how do i log my runs
help	how do i add a run
help	how do i record a run
help	how to log a run?
help	how do i tell you about a run
help	how do i set a race
help	how do i add my race
help	how do i tell you about my race
help	how do i see my stats
help	how do i check my mileage
help	how do i export my data
help	how do i stop reminders
help	how do i change quiet hours
help	how do i book a massage through you
help	how do i set my time zone
help	how do i change my time zone
help	what format should i use for runs
help	what should i type
help	what do i type to log a run
help	how do i undo a log
help	can you explain how you work
help	explain what you do
help	explain the commands
help	give me some examples
help	show me examples
help	example messages?
help	what kind of messages do you understand
help	what do you understand
help	do you understand voice messages
help	can you read screenshots
help	can i talk to you normally
help	do i need to use commands
help	getting started
help	how do i get started
help	where do i start
help	i'm confused
help	i'm lost
help	i don't understand
help	i don't get it
help	i don't know what to do
help	what now
help	now what?
help	what next
help	huh?
help	???
help	?
help	confused 😕
help	help 🙏
help	halp
help	hlep
help	hepl
help	help pls
help	help plz
help	plz help
help	helpp
help	wat can u do
help	wut do you do
help	what can u do for me
help	what cn you do
help	how do u work
help	how dose this work
help	instructions
help	instructions please
help	user guide
help	manual
help	faq
help	tutorial
help	is there a tutorial
help	how to
help	info
help	about
help	about this bot
help	tell me about yourself
help	tell me what you can do
help	what are you capable of
help	what are your features
help	<@U024BE7LH> help
help	<@U024BE7LH> what can you do?
help	/help commands
help	/help log
help	help with logging
help	help with races
help	help with reminders
help	help with booking
help	i need help using this
help	can someone help me
help	is there a human i can talk to
help	can i talk to a person
help	how do i contact support
help	who made you
help	who built this bot
help	is this a real person
help	are you a bot
help	are you a robot
help	what language do you speak
help	do you speak spanish
help	can i use you in slack
help	does this work on telegram
help	can i use this in a group chat
help	is my data private
help	what data do you store
help	how do i delete my data
help	what does the book now button do
help	what do the buttons do
help	what is a nudge
help	why do you send nudges
help	what are quiet hours
help	how do reminders work
help	how do you decide when to remind me
help	what do i write to log a run?
help	what should i send you after a run
help	what's the format for adding a race
help	how do i phrase a run so you understand it
help	do i have to type it a certain way
help	what words do you understand for effort
help	how do you want me to enter my runs
help	what should i say to you
help	what do i say to log something
help	is there a way to record my runs here
help	can you record my runs? how?
help	how do i save a run
help	how do i enter a race date
help	how do i let you know when my race is
help	how do i ask for my weekly total
help	what can i ask about massage
help	can you answer massage questions? how?
help	how do i pause notifications
help	how do i get you to stop reminding me
help	how do i turn off the nudges
help	how can i see what i've logged
help	how does booking work here
help	what does this bot actually do
help	what is this thing for
help	what's the purpose of this bot
help	i just added you, what now
help	i just added this bot, how does it work
help	new user, what can i do
help	first time using this, any tips?
help	give me a quick tour
help	quick overview of what you do please
help	walk me through how to use you
help	show me how to use this
help	any tips for using this bot?
help	what kind of questions can i ask
help	what sort of stuff do you know
help	what are you able to do
help	what else can you do
help	anything else you can do?
help	can you do anything besides massage stuff
help	do you do anything else
help	how do i talk to you
help	is there a help page
help	where are the docs
help	where can i read how this works
help	where's the documentation
help	can i see a list of what you understand
help	show me what you can do
help	what do i do now
help	what's the syntax for logging a run
help	syntax please
help	help me understand this bot
help	i'm not sure how this works
help	not sure what to type
help	no idea how to use this
help	how does this thing work lol
help	how do i start
help	what's the first thing i should do
help	set me up
help	how do i set up my account
help	how do i change my settings
help	settings
help	where are the settings
help	how do i change my name
)data";

// out_of_scope: 302 examples.
constexpr std::string_view kOutOfScope = R"data(
out_of_scope	what's the weather tomorrow
out_of_scope	will it rain on saturday
out_of_scope	is it too hot to run today
out_of_scope	how cold is it outside
out_of_scope	weather in london
out_of_scope	tell me a joke
out_of_scope	tell me something funny
out_of_scope	do you know any running jokes
out_of_scope	sing me a song
out_of_scope	what's the meaning of life
out_of_scope	what's 2+2
out_of_scope	what time is it
out_of_scope	what day is it today
out_of_scope	who won the football last night
out_of_scope	did arsenal win
out_of_scope	what's the score in the liverpool game
out_of_scope	who won the tour de france
out_of_scope	when is the next f1 race
out_of_scope	who won the super bowl
out_of_scope	nba scores
out_of_scope	how did kipchoge do in berlin
out_of_scope	who holds the marathon world record
out_of_scope	what's the 5k world record
out_of_scope	who won the london marathon this year
out_of_scope	give me a recipe for pasta
out_of_scope	what should i eat before a long run
out_of_scope	best breakfast before a race
out_of_scope	what should i eat after a marathon
out_of_scope	how many carbs should i eat the night before a race
out_of_scope	is coffee good before running
out_of_scope	how much water should i drink on a run
out_of_scope	should i take gels during a half marathon
out_of_scope	what gels do you recommend
out_of_scope	best electrolyte drink
out_of_scope	should i take magnesium
out_of_scope	are protein shakes good for runners
out_of_scope	what supplements should runners take
out_of_scope	is creatine good for running
out_of_scope	should i take iron supplements
out_of_scope	how much protein do runners need
out_of_scope	recipe for overnight oats
out_of_scope	high protein vegan recipes
out_of_scope	how do i make banana bread
out_of_scope	what's a good pre run snack
out_of_scope	is beer ok after a run
out_of_scope	can i drink alcohol the night before a race
out_of_scope	give me a training plan for a marathon
out_of_scope	make me a 12 week half marathon plan
out_of_scope	how do i get faster at 5k
out_of_scope	how do i run a sub 20 5k
out_of_scope	how should i train for my first marathon
out_of_scope	how many miles a week for a marathon
out_of_scope	what pace should my long runs be
out_of_scope	how do i pace a half marathon
out_of_scope	what's a good tempo workout
out_of_scope	how to improve my vo2 max
out_of_scope	should i run every day
out_of_scope	how many rest days should i take
out_of_scope	is it ok to run twice a day
out_of_scope	how do i increase my mileage safely
out_of_scope	what is zone 2 training
out_of_scope	how do i calculate my heart rate zones
out_of_scope	how long should my taper be
out_of_scope	should i do strength training
out_of_scope	best exercises for runners
out_of_scope	how do i stop getting stitches
out_of_scope	how do i breathe when running
out_of_scope	what's the best running form
out_of_scope	should i run with music
out_of_scope	how do i run in the heat
out_of_scope	tips for running in the cold
out_of_scope	best running shoes for flat feet
out_of_scope	should i buy the nike vaporfly
out_of_scope	what shoes should i get
out_of_scope	how often should i replace my running shoes
out_of_scope	what socks stop blisters
out_of_scope	how do i treat a blister
out_of_scope	my garmin won't sync
out_of_scope	my watch won't connect to strava
out_of_scope	strava isn't uploading my run
out_of_scope	my watch lost gps
out_of_scope	how do i pair my heart rate strap
out_of_scope	my phone app crashed
out_of_scope	the app keeps crashing
out_of_scope	how do i reset my garmin
out_of_scope	why is my watch pace wrong
out_of_scope	coros vs garmin?
out_of_scope	remind me to buy milk
out_of_scope	remind me to call my mum at 5
out_of_scope	remind me to pay rent
out_of_scope	set an alarm for 6am
out_of_scope	set a timer for 10 minutes
out_of_scope	remind me to take my vitamins
out_of_scope	add eggs to my shopping list
out_of_scope	what's on my calendar today
out_of_scope	send an email to my coach
out_of_scope	call my physio
out_of_scope	order a pizza
out_of_scope	book a table for two
out_of_scope	book me a taxi
out_of_scope	book a flight to berlin
out_of_scope	book a hotel in valencia
out_of_scope	find me a gym nearby
out_of_scope	where is the nearest park
out_of_scope	how far is the moon
out_of_scope	translate hello to french
out_of_scope	what's the capital of australia
out_of_scope	how tall is mount everest
out_of_scope	who is the president
out_of_scope	what's bitcoin at
out_of_scope	stock price of nike
out_of_scope	recommend a good book
out_of_scope	recommend a podcast for runners
out_of_scope	what's a good running movie
out_of_scope	any good netflix shows
out_of_scope	i'm bored
out_of_scope	i'm sad today
out_of_scope	i can't sleep
out_of_scope	i'm tired
out_of_scope	my dog ate my shoe
out_of_scope	i love pizza
out_of_scope	lol
out_of_scope	haha
out_of_scope	ok
out_of_scope	okay
out_of_scope	cool
out_of_scope	nice
out_of_scope	thanks
out_of_scope	thank you
out_of_scope	thanks a lot
out_of_scope	cheers
out_of_scope	great thanks
out_of_scope	awesome
out_of_scope	perfect
out_of_scope	👍
out_of_scope	🙏
out_of_scope	😂
out_of_scope	k
out_of_scope	yes
out_of_scope	no
out_of_scope	maybe
out_of_scope	sure
out_of_scope	hmm
out_of_scope	asdfgh
out_of_scope	jkjkjk
out_of_scope	qwerty
out_of_scope	blah blah
out_of_scope	random text here
out_of_scope	this is a test
out_of_scope	lorem ipsum dolor sit amet
out_of_scope	my knee hurts when i run downhill, what is it?
out_of_scope	should i see a doctor about my shin pain
out_of_scope	is it a stress fracture
out_of_scope	how do i treat a sprained ankle
out_of_scope	should i ice or heat an injury
out_of_scope	how long does a hamstring strain take to heal
out_of_scope	what stretches should i do before running
out_of_scope	is stretching before running bad
out_of_scope	how do i do yoga for runners
out_of_scope	is swimming good cross training
out_of_scope	how many calories does running burn
out_of_scope	will running help me lose weight
out_of_scope	how do i lose 5kg before my race
out_of_scope	what's my bmi
out_of_scope	how do i sign up for the london marathon ballot
out_of_scope	where can i find a running club
out_of_scope	what's a good 5k time for my age
out_of_scope	is a 25 minute 5k good
out_of_scope	what's the average marathon time
out_of_scope	how long is an ultramarathon
out_of_scope	how far is a half marathon in miles
out_of_scope	how many laps is 5k on a track
out_of_scope	what does dnf mean
out_of_scope	what's a negative split
out_of_scope	what's a fartlek
out_of_scope	what is a tempo run
out_of_scope	what is threshold pace
out_of_scope	what does rpe mean
out_of_scope	convert 10 miles to km
out_of_scope	how many km is 6 miles
out_of_scope	what pace do i need for a sub 2 half
out_of_scope	what's 5:30 per km in miles
out_of_scope	calculate my marathon time from my 10k
out_of_scope	predict my half marathon time
out_of_scope	i'm going to run 10k tomorrow
out_of_scope	planning a 20k long run on sunday
out_of_scope	i'll do intervals tomorrow
out_of_scope	thinking about running a marathon one day
out_of_scope	should i run a marathon next year
out_of_scope	is running bad for your knees
out_of_scope	is it safe to run while pregnant
out_of_scope	can i run with a cold
out_of_scope	how to prevent chafing
out_of_scope	what should i wear for a winter run
out_of_scope	headlamp recommendations
out_of_scope	how do i run on a treadmill
out_of_scope	treadmill vs outdoor running
out_of_scope	best running routes in london
out_of_scope	is cycling good for runners
out_of_scope	how do i get into triathlon
out_of_scope	swimming technique tips
out_of_scope	what's the tennis score
out_of_scope	play some music
out_of_scope	turn on the lights
out_of_scope	what's the news today
out_of_scope	write me a poem
out_of_scope	can you write my essay
out_of_scope	do you like running
out_of_scope	what's your favourite race
out_of_scope	are you a runner
out_of_scope	do you dream
out_of_scope	you're great
out_of_scope	you're useless
out_of_scope	i hate running
out_of_scope	running is hard lol
out_of_scope	my coach says i should do more hills
out_of_scope	my friend ran a marathon yesterday
out_of_scope	my wife is running the london marathon
out_of_scope	kipchoge is amazing
out_of_scope	watching the marathon on tv
out_of_scope	parkrun was cancelled today because of ice
out_of_scope	the track is closed tomorrow
out_of_scope	i lost my keys on my run
out_of_scope	saw a fox on my run
out_of_scope	what should i eat the night before
out_of_scope	what should i drink during a marathon
out_of_scope	what should i wear for a race
out_of_scope	what should my heart rate be on easy runs
out_of_scope	what should my weekly mileage be
out_of_scope	what should my long run pace be
out_of_scope	what time does parkrun start
out_of_scope	is parkrun on this saturday
out_of_scope	where is the nearest parkrun
out_of_scope	how do i register for parkrun
out_of_scope	what's the weather for my race
out_of_scope	is it going to be windy on sunday
out_of_scope	will it snow tomorrow
out_of_scope	how's the air quality today
out_of_scope	is it safe to run in the dark
out_of_scope	tips for my first 10k
out_of_scope	how do i avoid hitting the wall
out_of_scope	how do i carb load
out_of_scope	what's a good warm up routine
out_of_scope	best stretches after running
out_of_scope	give me a strength workout
out_of_scope	is yoga good for runners
out_of_scope	any good running apps
out_of_scope	best gps watch for runners
out_of_scope	my earphones keep falling out
out_of_scope	my strava won't load
out_of_scope	my heart rate monitor is giving weird readings
out_of_scope	garmin connect is down
out_of_scope	how do i export from garmin
out_of_scope	remind me to stretch tonight
out_of_scope	remind me to drink water
out_of_scope	remind me to call the dentist
out_of_scope	set a reminder for my flight
out_of_scope	what's on tv tonight
out_of_scope	who is the fastest man alive
out_of_scope	how old is kipchoge
out_of_scope	tell me a fun fact
out_of_scope	say something nice
out_of_scope	can you tell me a story
out_of_scope	what's your name
out_of_scope	what's your favourite colour
out_of_scope	i like turtles
out_of_scope	good job
out_of_scope	well done
out_of_scope	nice one
out_of_scope	ok thanks
out_of_scope	thx
out_of_scope	ty
out_of_scope	got it
out_of_scope	understood
out_of_scope	noted
out_of_scope	fair enough
out_of_scope	sounds good
out_of_scope	no thanks
out_of_scope	nah
out_of_scope	nope
out_of_scope	yep
out_of_scope	alright
out_of_scope	set an alarm for 6:45
out_of_scope	wake me up at 6
out_of_scope	alarm at 5:15 tomorrow
out_of_scope	what time is sunrise
out_of_scope	what time does the gym open
out_of_scope	my wife ran 10k yesterday
out_of_scope	my husband did a marathon in 3:30
out_of_scope	my friend did parkrun in 19:50
out_of_scope	he ran a half in 1:20
out_of_scope	she did 5k in 22 minutes
out_of_scope	my brother is running a marathon
out_of_scope	my son ran his first 5k
out_of_scope	my club mate smashed a 10k pb
out_of_scope	kipchoge ran 2:01 in berlin
out_of_scope	they ran 100 miles
out_of_scope	book me a table for dinner
out_of_scope	book a hotel for my race weekend
out_of_scope	book train tickets to london
out_of_scope	can you book my flights
out_of_scope	book a haircut for friday
)data";

}  // namespace

std::string_view training_data_text() {
    static const std::string text = [] {
        std::string all;
        all.append(kMassageQuestion);
        all.append(kLogRun);
        all.append(kSetRace);
        all.append(kBookMassage);
        all.append(kRunStats);
        all.append(kReminders);
        all.append(kGreeting);
        all.append(kHelp);
        all.append(kOutOfScope);
        return all;
    }();
    return text;
}

}  // namespace rubdown::intents::nlu
