#include "demo/DemoScripts.h"

namespace qaw::demo {

#define S QStringLiteral

const std::vector<Scenario> &scenarios()
{
    static const std::vector<Scenario> all = {
        {S("Billing"), S("billing"), S("refund"),
         {S("Hi, I was charged twice for my subscription this month and I want the extra "
            "payment back."),
          S("My bill is way higher than usual and I don't understand why."),
          S("I cancelled last month but you still took a payment from my card."),
          S("There's a late fee on my account but I paid on time.")},
         {S("I can see the duplicate charge of forty-nine ninety-nine on the third."),
          S("Looking at the account, the increase comes from the international calls add-on."),
          S("I can see the payment went through after the cancellation date."),
          S("Your payment arrived on the due date, so the fee should not have been applied.")},
         {S("I've refunded the duplicate payment back to your card."),
          S("I've removed the add-on and credited the difference to your next bill."),
          S("I have processed a full refund of that payment."),
          S("I've waived the late fee and updated your account.")}},
        {S("Technical Support"), S("tech"), S("connectivity"),
         {S("My internet keeps dropping every evening and it's driving me mad."),
          S("The app crashes every time I try to log in."),
          S("I can't get the router to connect after the update."),
          S("My emails stopped syncing on my phone since yesterday.")},
         {S("I'm running a line test on your connection now."),
          S("I can see a known issue with the last app version on your phone model."),
          S("The router is showing an old firmware profile on our side."),
          S("Your mailbox settings still point to the old server.")},
         {S("I've reset the line profile, so the drops should stop from tonight."),
          S("If you update to version five point two the crash is fixed, I've sent you the "
            "link."),
          S("I've pushed the new firmware profile, please restart the router now."),
          S("I've updated the server settings, so the sync will start again shortly.")}},
        {S("Accounts"), S("accounts"), S("account-change"),
         {S("I need to change the address on my account, I've moved house."),
          S("I'm locked out of my account and the reset email never arrives."),
          S("I want to add my partner as an authorised user."),
          S("Someone changed my password and I didn't do it.")},
         {S("I can update the address for you from here."),
          S("The reset emails were going to an old address on file."),
          S("I can add an authorised user once I have their details."),
          S("I can see a password change yesterday from a new device.")},
         {S("I've updated your address and you'll get a confirmation by email."),
          S("I've corrected your email address and sent a fresh reset link."),
          S("I've added them as an authorised user on the account."),
          S("I've locked the account, reset the password and signed out every device.")}},
        {S("Orders & Delivery"), S("orders"), S("delivery"),
         {S("My order was supposed to arrive on Monday and it still hasn't come."),
          S("I received the wrong item in my parcel."),
          S("The parcel arrived damaged and the screen is cracked."),
          S("I want to return something but the return label doesn't work.")},
         {S("The tracking shows the parcel stuck at the local depot."),
          S("I can see the warehouse picked the wrong size for your order."),
          S("I'm sorry, I can see the damage report from the courier."),
          S("The return label expired because it was generated over thirty days ago.")},
         {S("I've arranged a redelivery for tomorrow morning."),
          S("I've sent the right item by express delivery and you can keep the other one."),
          S("I've ordered a replacement that ships today."),
          S("I've generated a new return label and emailed it to you.")}},
    };
    return all;
}

const std::vector<QString> &greetings()
{
    static const std::vector<QString> all = {
        S("Thank you for calling Northwind, my name is %1, how can I help you today?"),
        S("Hi, you're through to %1 at Northwind support. What can I do for you?"),
        S("Good morning, this is %1 speaking. How may I help?"),
        S("Thanks for calling, %1 here, how can I help you?"),
        S("Hello, my name is %1. Welcome to Northwind, how can I assist you today?"),
        S("Good afternoon, you are speaking with %1, how can I help?"),
        S("Hi there, thanks for reaching out. I'm %1, what can I do for you today?"),
    };
    return all;
}

const std::vector<QString> &curtOpenings()
{
    static const std::vector<QString> all = {S("Yeah, go ahead."), S("Support."),
                                             S("What's the problem?"), S("Account number?")};
    return all;
}

const std::vector<QString> &empathyLines()
{
    static const std::vector<QString> all = {
        S("I'm sorry to hear that, I can see why that's frustrating."),
        S("I completely understand, that's not the experience we want you to have."),
        S("Oh no, I apologise for the trouble this has caused."),
        S("That sounds really frustrating, let's get it sorted."),
        S("I understand how annoying that must be, thank you for your patience."),
        S("I can imagine that's stressful, I'll do my best to fix it."),
        S("Sorry about that, I know how frustrating it is."),
    };
    return all;
}

const std::vector<QString> &neutralAcks()
{
    static const std::vector<QString> all = {S("Okay."), S("Right."), S("Fine."),
                                             S("Okay, and?"), S("Noted.")};
    return all;
}

const std::vector<QString> &verificationAsks()
{
    static const std::vector<QString> all = {
        S("Before we go on, can you confirm your date of birth and the postcode on the "
          "account?"),
        S("I just need to verify your identity first, what's your date of birth?"),
        S("Can I get the last four digits of the card on the account to confirm it's you?"),
        S("For security, could you answer your security question for me?"),
        S("Let me confirm a few details first: your full name and date of birth, please."),
    };
    return all;
}

const std::vector<QString> &verificationAnswers()
{
    static const std::vector<QString> all = {
        S("Sure, it's the fourth of May nineteen eighty-five and the postcode is AB1 2CD."),
        S("It's twelve March nineteen ninety."),
        S("The last four are four four two one."),
        S("My first pet was called Biscuit."),
    };
    return all;
}

const std::vector<QString> &holdAsks()
{
    static const std::vector<QString> all = {
        S("Let me check that for you, can I place you on a brief hold?"),
        S("Would you mind if I put you on hold for a minute while I look into it?"),
        S("Bear with me a moment while I pull that up, I'll put you on a short hold."),
        S("Can you hold for a moment while I check with the team?"),
    };
    return all;
}

const std::vector<QString> &holdThanks()
{
    static const std::vector<QString> all = {
        S("Thank you for holding."),
        S("Thanks so much for waiting."),
        S("Sorry to keep you waiting, thanks for your patience."),
        S("Thanks for bearing with me."),
    };
    return all;
}

const std::vector<QString> &ownershipLines()
{
    static const std::vector<QString> all = {
        S("You'll receive a confirmation email within 24 hours."),
        S("The next step is a text from us with the reference number."),
        S("You should see the change in three to five business days."),
        S("I'll follow up personally on Friday to make sure it's done."),
    };
    return all;
}

const std::vector<QString> &confirmations()
{
    static const std::vector<QString> all = {
        S("Great, that fixed it, thank you."),
        S("Perfect, that's sorted then."),
        S("Oh brilliant, it's working now."),
        S("That answers my question, thanks so much."),
        S("Lovely, that's great thanks."),
    };
    return all;
}

const std::vector<QString> &unresolvedReplies()
{
    static const std::vector<QString> all = {
        S("I'm still not sure this is fixed, to be honest."),
        S("So I have to call back again? This is ridiculous."),
        S("That doesn't really help me."),
        S("Fine, I suppose I'll wait and see."),
    };
    return all;
}

const std::vector<QString> &negativeLines()
{
    static const std::vector<QString> all = {
        S("Look, I've already explained that, there's nothing more I can do."),
        S("That's not my problem, you should have read the terms."),
        S("Honestly, this is a stupid question, it's all on the website."),
        S("I don't know what else you want me to say."),
    };
    return all;
}

const std::vector<QString> &closings()
{
    static const std::vector<QString> all = {
        S("Is there anything else I can help you with today?"),
        S("Anything else I can do for you?"),
        S("Is there something else I can help with while I have you?"),
    };
    return all;
}

const std::vector<QString> &goodbyes()
{
    static const std::vector<QString> all = {
        S("Thanks for calling, have a great day!"),
        S("Take care, and have a lovely evening."),
        S("Thank you for contacting Northwind, enjoy the rest of your day."),
    };
    return all;
}

const std::vector<QString> &firstNames()
{
    static const std::vector<QString> all = {
        S("Dana"), S("Priya"), S("Tom"), S("Aisha"), S("Marco"), S("Lena"), S("Kwame"),
        S("Sofia"), S("Jonas"), S("Mei"), S("Omar"), S("Hannah"), S("Luis"), S("Ingrid"),
        S("Tariq"), S("Chloe"), S("Ravi"), S("Elena"), S("Sam"), S("Yuki"), S("Fatima"),
        S("Ben"), S("Nadia"), S("Oskar")};
    return all;
}

const std::vector<QString> &lastNames()
{
    static const std::vector<QString> all = {
        S("Ruiz"), S("Patel"), S("Okafor"), S("Nguyen"), S("Schmidt"), S("Rossi"),
        S("Kowalski"), S("Haddad"), S("Jensen"), S("Tanaka"), S("Mensah"), S("Dubois"),
        S("Silva"), S("Novak"), S("Brennan"), S("Ahmed"), S("Larsen"), S("Costa"),
        S("Ibrahim"), S("Moreau")};
    return all;
}

#undef S

} // namespace qaw::demo
