package org.adversarialarena.account;

/** The routes accounts use, shared by the views, the links the service builds and the sign-in. */
public final class AccountPaths {

    public static final String LOGIN = "login";
    public static final String CODE = "login/code";
    public static final String LINK = "account/link";
    public static final String REGISTER = "register";
    public static final String MY_ACCOUNT = "account";
    public static final String ADMIN = "admin/accounts";

    private AccountPaths() {
    }
}
